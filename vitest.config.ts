import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bot/**/*.test.ts', 'db/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file has its own database and queue prefix, so files may run side by side.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
