import { defineConfig } from 'vitest/config';

// Three projects: pure logic (unit), database suites (db: run once per engine by scripts/test.mjs),
// and browser tests (e2e: Debian's Chromium through playwright-core).
// isolate: false: a worker keeps the modules it imported for its next test file. Re-importing the
// server for every file was a third of the database suite's time (PGlite alone: 846 s isolated,
// 628 s not; unit 177 s → 104 s). Tests therefore leave no module state behind them: none mocks
// modules, and those that set an environment variable put it back.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['src/**/*.db.test.ts'],
          testTimeout: 60_000,
          isolate: false,
        },
      },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts'],
          testTimeout: 60_000,
          isolate: false,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
