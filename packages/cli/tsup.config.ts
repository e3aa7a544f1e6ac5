import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// commander and picocolors are bundled (devDependencies); the SDK, the CSV, prompt, progress
// and completion libraries stay dependencies, loaded with import() by the commands that use
// them. The bin is one CommonJS file: Node starts CommonJS faster than an ES module graph,
// and `roster --help` compiles only the parser and the command definitions. (No rollup
// tree-shaking pass: it would hoist the lazily loaded libraries' require() calls to the top.)
const shared = {
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  minify: true,
  define: { __ROSTER_CLI_VERSION__: JSON.stringify(version) },
} as const;

export default defineConfig([
  { ...shared, entry: ['src/index.ts'], format: ['esm', 'cjs'], dts: true, clean: true },
  { ...shared, entry: ['src/bin.ts'], format: ['cjs'] },
]);
