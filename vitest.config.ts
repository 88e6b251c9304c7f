import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bot/**/*.test.ts', 'db/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file has its own database and queue prefix, so files may run side by side.
    pool: 'forks',
    // Vitest's default (one fewer than the cores) runs files one at a time on two cores, yet many
    // files mostly wait (leases, retries, a browser): three at once took the suite from 465 s to 269 s there.
    maxWorkers: Math.max(3, os.availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
