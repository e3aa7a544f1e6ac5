import { defineConfig } from 'tsup';

export default defineConfig({
  // `planner` is the pure part the browser imports; `node` adds reading files from disk.
  entry: ['src/index.ts', 'src/planner.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
});
