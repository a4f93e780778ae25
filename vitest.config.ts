import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['server/src/test-support/global-setup.ts'],
    pool: 'forks',
    // Two cores: PGlite instances are heavy, so keep two files at a time.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
