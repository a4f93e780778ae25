import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['server/src/test-support/global-setup.ts'],
    pool: 'forks',
    // Two cores: PGlite instances are heavy, so keep two files at a time.
    maxWorkers: 2,
    testTimeout: 60_000,
    // Browser tests wait for pages that load data; one second is too short on a busy two-core CI machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 180_000,
  },
});
