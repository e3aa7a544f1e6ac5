// The built page (dist/app), read once at start-up and served from memory, gzipped when the
// browser accepts it. Only files that exist in the build can be served: a path is a key in
// this map, never joined onto the file system, so no `..` can reach anything else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** One file of the page. */
export interface Asset {
  readonly body: Buffer;
  readonly gzip: Buffer;
  readonly type: string;
  /** Vite's hashed file names never change content: cache them for good. */
  readonly immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Where the built page is: next to the bundled module (dist/app), or, when this file runs
 * from the sources (tests), in the package's dist/app.
 */
export function defaultAssetsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'app'), path.join(here, '..', 'dist', 'app')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Loads every file of the built page, keyed by URL path (`/index.html`, `/assets/…`). */
export function loadAssets(dir: string): ReadonlyMap<string, Asset> {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`Roster Studio's page is not built (no index.html in ${dir}): run the package's build`);
  }
  const assets = new Map<string, Asset>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const full = path.join(dir, file);
    const type = TYPES[path.extname(file)];
    if (type === undefined || !existsSync(full)) continue;
    let body: Buffer;
    try {
      body = readFileSync(full);
    } catch {
      continue; // a folder
    }
    const key = `/${file.split(path.sep).join('/')}`;
    assets.set(key, { body, gzip: gzipSync(body), type, immutable: key.startsWith('/assets/') });
  }
  return assets;
}
