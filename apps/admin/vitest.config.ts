import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Unit tests of the admin's plain TypeScript logic (no Svelte components, no $app imports).
// `dir` is absolute: relative, it would be taken from wherever vitest was started.
export default defineProject({
  test: { name: 'admin', dir: fileURLToPath(new URL('./src', import.meta.url)), include: ['**/*.test.ts'] },
});
