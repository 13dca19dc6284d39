import { defineConfig } from 'vitest/config'

// The test suite of the harness itself (unit tests beside the code, end-to-end under test/).
// Scenario runs (`plh run`) build their own vitest configuration in harness/run/.
export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/node_modules/**', '.plh/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default'],
  },
})
