import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * The vitest settings every package shares. Besides the console report, each run writes
 * `.vitest/results.json`, which `scripts/test-summary.mjs` adds up into one closing line.
 */
export default defineConfig({
  resolve: {
    // graphql 16 has no `exports` map: Node resolves it to index.js (CJS, what graphql-yoga
    // loads) while Vite would pick index.mjs for workspace packages it inlines. Two copies
    // break `instanceof GraphQLError` and the server masks its own errors, so pin Node's choice.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
