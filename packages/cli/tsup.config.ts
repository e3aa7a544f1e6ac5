import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

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
  // Error classes are reported by name (AuthenticationError…): minifying must not rename them.
  keepNames: true,
  define: { __ROSTER_CLI_VERSION__: JSON.stringify(version) },
} as const;

// commander requires node:child_process when it loads, only to run executable subcommands,
// which roster has none of; loading it (and node:net behind it) is a sizeable share of
// `roster --help`. The bin gets it on first use instead.
const lazyChildProcess: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'lazy-child-process',
  setup(build) {
    // The proxy's own require passes through.
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.namespace === 'roster-lazy' ? undefined : { path: 'child_process', namespace: 'roster-lazy' },
    );
    build.onLoad({ filter: /.*/, namespace: 'roster-lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('child_process')[key] });",
      loader: 'js',
    }));
  },
};

// The bin requires the SDK from dist/sdk.cjs, one bundled file built next to it, on first use.
// Every way in (src/lib/sdk.ts's import of sdk-bundle, a direct import of @roster/users) leads
// to that one file, so that there is one copy of the SDK and its error classes.
const separateSdk: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'separate-sdk',
  setup(build) {
    build.onResolve({ filter: /^@roster\/users$|\/sdk-bundle\.js$/ }, (args) =>
      args.importer.endsWith('sdk-bundle.ts') || args.kind === 'entry-point' ? undefined : { path: 'sdk', namespace: 'roster-sdk' },
    );
    build.onResolve({ filter: /^\.\/sdk\.cjs$/ }, () => ({ path: './sdk.cjs', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'roster-sdk' }, () => ({ contents: "module.exports = require('./sdk.cjs');", loader: 'js' }));
  },
};

export default defineConfig([
  {
    ...shared,
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // commander, bundled, is CommonJS and requires Node's built-ins: an ES module has no
    // `require` of its own, so the ESM entry gets one (esbuild's shim throws "Dynamic require").
    banner: ({ format }) =>
      format === 'esm' ? { js: "import { createRequire as __rosterCreateRequire } from 'node:module'; const require = __rosterCreateRequire(import.meta.url);" } : {},
  },
  // tsup's removeNodeProtocol plugin would resolve the built-in before the lazy one runs.
  {
    ...shared,
    entry: { bin: 'src/bin.ts', sdk: 'src/lib/sdk-bundle.ts' },
    format: ['cjs'],
    noExternal: ['@roster/users', '@roster/client'],
    removeNodeProtocol: false,
    esbuildPlugins: [lazyChildProcess, separateSdk],
  },
]);
