import { defineConfig } from 'tsup';

// Everything the CLI loads is bundled (commander, csv, prompts, progress bar and the SDK), so
// that `roster --version` reads a couple of files instead of resolving a tree of packages.
// The SDK and the import machinery sit behind dynamic imports: split into chunks of their
// own, they are read only by the commands that need them.
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: ['src/index.ts'] },
  clean: true,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  treeshake: true,
  minify: true,
  // Except @roster/studio: it finds its prebuilt page next to its own module.
  noExternal: [/^(?!@roster\/studio$)/],
  // Bundled CommonJS code (cli-progress) calls require() for Node's built-ins.
  banner: ({ format }) =>
    format === 'esm' ? { js: "import { createRequire as __rosterRequire } from 'node:module'; const require = __rosterRequire(import.meta.url);" } : {},
});
