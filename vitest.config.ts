import { defineConfig } from 'vitest/config';

// One run over every package; each package keeps its own vitest.config.ts (defineProject).
export default defineConfig({
  test: {
    projects: ['packages/*', 'db', 'apps/api', 'apps/admin', 'test'],
    coverage: {
      provider: 'v8',
      // The scoring package is held to 100% line coverage (`pnpm test:coverage`, run in CI).
      include: ['packages/scoring/src/**/*.ts'],
      exclude: ['**/*.test.ts'],
      thresholds: { lines: 100 },
      reporter: ['text-summary', 'text'],
    },
  },
});
