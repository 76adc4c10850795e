/**
 * The baseline for fan-out: a bare Socket.IO server (same version and options as Indaba's), with no
 * engine, store or views. Each client connects with `auth: {id, name}`; a control client's
 * `trigger` makes it emit, once per socket, the captured participant view varied per client.
 *
 * Per-participant payloads (the breakouts bench): IPC `{type: 'views', views: {id: view}}` hands it
 * each client's own captured view; the control client's `trigger-views` then emits to each socket
 * its own view (a new object per client, with the round as its version), and `count-views` answers
 * how many views it holds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { LIMITS } from '../../shared/limits.ts';
import { serveIpc } from './child.ts';

type View = Record<string, unknown> & { me?: Record<string, unknown> };

const httpServer = http.createServer();
const io = new Server(httpServer, {
  maxHttpBufferSize: LIMITS.payloadBytes,
  pingInterval: 20_000,
  pingTimeout: 25_000,
  serveClient: false,
});
let template: View = {};
let version = 0;
/** Client id → that client's own payload (the breakouts bench). */
let perClient = new Map<string, View>();

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { id?: string; name?: string; control?: boolean };
  if (auth.control) {
    socket.on('trigger', (text: string, ack?: (r: unknown) => void) => {
      version += 1;
      const announcement = { text, at: Date.now() };
      for (const s of io.of('/').sockets.values()) {
        if (s.id === socket.id) continue;
        const who = s.handshake.auth as { id?: string; name?: string };
        // a new object per client, as Indaba builds each participant's view
        s.emit('view', {
          ...template,
          version,
          announcement,
          me: { ...template.me, id: who.id, name: who.name },
          hand: { raised: false, position: null },
        });
      }
      if (typeof ack === 'function') ack({ ok: true });
    });
    socket.on('trigger-views', (round: number, ack?: (r: unknown) => void) => {
      let sent = 0;
      for (const s of io.of('/').sockets.values()) {
        if (s.id === socket.id) continue;
        const view = perClient.get((s.handshake.auth as { id?: string }).id ?? '');
        if (!view) continue;
        s.emit('view', { ...view, version: round });
        sent += 1;
      }
      if (typeof ack === 'function') ack({ ok: true, sent });
    });
    socket.on('count-views', (ack?: (r: unknown) => void) => {
      if (typeof ack === 'function') ack({ ok: true, views: perClient.size });
    });
  }
});

await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
serveIpc(
  () => new Promise<void>((resolve) => io.close(() => resolve())),
  (m) => {
    if (m.type === 'template') template = m.view as View;
    if (m.type === 'views') perClient = new Map(Object.entries(m.views as Record<string, View>));
  },
);
process.send?.({ type: 'ready', url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}` });
