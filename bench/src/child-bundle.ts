// The benchmark's child processes (one per RSS or planning sample) run a bundled copy of
// their script: one plain JavaScript file per child, so a fresh process loads no TypeScript
// loader, and packages rebuilt meanwhile cannot break a run in progress.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const benchDir = path.resolve(import.meta.dirname, '..');

/** Where bundles and generated inputs go: under node_modules, so ignored by git and lint. */
export const CACHE_DIR = path.join(benchDir, 'node_modules', '.cache', 'roster-bench');

/** Bundles `src/<name>.ts` and all it imports into `<CACHE_DIR>/<name>.mjs`; resolves to that path. */
export async function bundleChild(name: string): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const outfile = path.join(CACHE_DIR, `${name}.mjs`);
  await build({
    entryPoints: [path.join(benchDir, 'src', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The CommonJS parts of a bundle (undici, csv-parse) call require() for Node's built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  return outfile;
}
