import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

// commander and picocolors are bundled (devDependencies); the SDK, the CSV, prompt, progress
// and completion libraries stay dependencies, loaded with import() by the commands that use
// them. The bin is CommonJS: Node starts CommonJS faster than an ES module graph. (No rollup
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
// which roster has none of; loading it (and node:net behind it) is a sizeable share of the
// parser's start-up. The bin gets it on first use instead.
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

// The bin is three bundled files, each required on first use: dist/bin.cjs answers
// `--version` and `--help` alone (see src/help.ts); dist/cli.cjs holds the parser and the
// commands; dist/sdk.cjs the SDK. Each import that leads to one of them (bin.ts's import of
// main.js; src/lib/sdk.ts's import of sdk-bundle, or a direct import of @roster/users)
// becomes a require() of that file, so that there is one copy of each, and of the SDK's
// error classes.
const separateBundles: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'separate-bundles',
  setup(build) {
    // `from`: the files whose imports are mapped (any file when absent).
    const bundles = [
      { file: './cli.cjs', imported: /^\.\/main\.js$/, entry: 'main.ts', from: /[\\/]src[\\/]bin\.ts$/ },
      { file: './sdk.cjs', imported: /^@roster\/users$|\/sdk-bundle\.js$/, entry: 'sdk-bundle.ts' },
    ];
    for (const bundle of bundles) {
      build.onResolve({ filter: bundle.imported }, (args) =>
        args.importer.endsWith(bundle.entry) || args.kind === 'entry-point' || (bundle.from && !bundle.from.test(args.importer))
          ? undefined
          : { path: bundle.file, namespace: 'roster-bundle' },
      );
    }
    build.onResolve({ filter: /^\.\/(cli|sdk)\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'roster-bundle' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
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
    entry: { bin: 'src/bin.ts', cli: 'src/main.ts', sdk: 'src/lib/sdk-bundle.ts' },
    format: ['cjs'],
    noExternal: ['@roster/users', '@roster/client'],
    removeNodeProtocol: false,
    esbuildPlugins: [lazyChildProcess, separateBundles],
  },
]);
