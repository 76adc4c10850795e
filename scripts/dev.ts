import { spawn } from 'node:child_process';

/**
 * `npm run dev`: the server (restarted on change by tsx watch) on API_PORT (default 3001), and
 * Vite's dev server with hot reload on PORT (default 3000) proxying /api and /socket.io to it.
 */
const apiPort = process.env.API_PORT ?? '3001';
const webPort = process.env.PORT ?? '3000';
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, DATA_FILE: process.env.DATA_FILE ?? './data/dev.db' },
  }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--port', webPort, '--strictPort'], {
    stdio: 'inherit',
    env: { ...process.env, INDABA_API: `http://localhost:${apiPort}` },
  }),
];
console.log(`dev: open http://localhost:${webPort} (API on ${apiPort})`);
const stop = () => {
  children.forEach((c) => c.kill('SIGTERM'));
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
children.forEach((c) => c.on('exit', (code) => code && stop()));
