// vitest 4.1 configuration: every test/**/*.test.ts (benchmarks excluded), one fork per file, two at a time;
// fast-check draws from a fixed seed (test/setup/fast-check-seed.ts; FC_SEED overrides).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup/fast-check-seed.ts'],
    exclude: ['test/bench/**', 'node_modules/**', 'out/**', 'tmp/**'],
    pool: 'forks',
    // two forks: vitest's default on a 2-core machine is one (cores − 1), which ran the suite serially
    // (587 s); two take 432 s here, the CPU-bound files overlapping the process-spawning ones
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
});
