import { defineConfig } from 'vitest/config';

/**
 * The vitest settings every package shares. Besides the console report, each run writes
 * `.vitest/results.json`, which `scripts/test-summary.mjs` adds up into one closing line.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
