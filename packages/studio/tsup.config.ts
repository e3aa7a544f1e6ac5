import { defineConfig } from 'tsup';

// The server side only: the page is built by Vite into dist/app (see vite.config.ts), which
// is why tsup must not clean dist after Vite has written it (the build runs tsup first).
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  treeshake: true,
  // import.meta.url in the CommonJS build, to find dist/app next to the module.
  shims: true,
});
