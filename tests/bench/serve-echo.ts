/**
 * The baseline for the polls bench: a bare Socket.IO server (same version and options as Indaba's)
 * with no engine, store, validation or views. Every client's `command` (the event Indaba answers
 * arrive on) is acknowledged at once with a tiny echo shaped like Indaba's ack,
 * `{ok: true, data: {version}}`; `clock` is answered as Indaba answers it (the responsiveness probe).
 * Nothing is pushed to anyone. Runs as a child process (child.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { LIMITS } from '../../shared/limits.ts';
import { serveIpc } from './child.ts';

const httpServer = http.createServer();
const io = new Server(httpServer, {
  maxHttpBufferSize: LIMITS.payloadBytes,
  pingInterval: 20_000,
  pingTimeout: 25_000,
  serveClient: false,
});
let version = 0;

io.on('connection', (socket) => {
  socket.on('command', (_payload: unknown, ack?: (r: unknown) => void) => {
    version += 1;
    if (typeof ack === 'function') ack({ ok: true, data: { version } });
  });
  // the responsiveness probe (polls-burst.ts), as Indaba's `clock` answers it
  socket.on('clock', (t0: unknown, ack?: (r: unknown) => void) => {
    if (typeof ack === 'function') ack({ ok: true, data: { t0, server: Date.now() } });
  });
});

await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
serveIpc(() => new Promise<void>((resolve) => io.close(() => resolve())));
process.send?.({ type: 'ready', url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` });
