import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-build.ts', 'test/global-redis.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // expect.poll waits on what the app shows (a reply, a packet); on two busy cores the first reply of a
    // fresh process can take longer than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
    // End-to-end suites start HTTP servers and SQLite files; separate forks keep them apart.
    pool: 'forks',
    // The suite mostly waits (on loopback HTTP, timers, child processes): four forks keep two cores busy.
    maxWorkers: 4,
  },
});
