import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';

// Unit tests of the admin's plain TypeScript logic (no Svelte components, no $app imports).
// `dir` is absolute: relative, it would be taken from wherever vitest was started.
// The Svelte plugin compiles `.svelte.ts` modules, whose runes ($state) are plain values there.
export default defineProject({
  plugins: [svelte()],
  test: { name: 'admin', dir: fileURLToPath(new URL('./src', import.meta.url)), include: ['**/*.test.ts'] },
});
