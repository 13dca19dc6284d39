import { defineConfig } from 'vitest/config'

// The test suite of the harness itself (unit tests beside the code, end-to-end under test/).
// Scenario runs (`plh run`) build their own vitest configuration in harness/run/.
//
// Two projects: everything but the end-to-end files runs first, in parallel; then the
// end-to-end files (*.e2e.test.ts: whole `plh run`s, fault injection, the README walk) run one at
// a time, so that latency expectations of the runs they start are not judged on a machine that
// the rest of the suite is loading.
const shared = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' as const }
const e2e = ['test/**/*.e2e.test.ts']

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['harness/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', '.plh/**', ...e2e],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'e2e',
          include: e2e,
          exclude: ['**/node_modules/**', '.plh/**'],
          // one fork for every end-to-end file, one file at a time (modules are still isolated per file)
          poolOptions: { forks: { singleFork: true } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
