import { defineProject } from 'vitest/config';

// End-to-end tests: each file starts the real server (and a browser), so files run one at a time.
export default defineProject({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
