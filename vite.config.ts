import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: 'client',
  plugins: [svelte()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2020',
  },
  server: {
    // `npm run dev`: the Express + Socket.IO server runs on PORT and Vite proxies to it.
    proxy: {
      '/api': `http://localhost:${process.env.PORT ?? 3000}`,
      '/healthz': `http://localhost:${process.env.PORT ?? 3000}`,
      '/socket.io': { target: `ws://localhost:${process.env.PORT ?? 3000}`, ws: true },
    },
  },
});
