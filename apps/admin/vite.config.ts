import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // `pnpm dev` talks to an api started separately (`pnpm start`, port 3000).
    proxy: { '/api': 'http://localhost:3000' },
  },
});
