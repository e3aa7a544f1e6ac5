// SIZE BUDGET: what a browser app pays for Roster, after esbuild --minify and gzip -9.
// Run by `pnpm test`; the figures are printed. 1 kB = 1000 bytes.
import { beforeAll, describe, expect, it } from 'vitest';
import { measureBundles, type BundleSize } from '../src/sizes.js';
import { table } from '../src/table.js';

/** Everything @roster/users exports, gzipped: the budget the README states. */
const USERS_WHOLE_BUDGET = 12_000;
/**
 * @roster/client with one document: 5,418 bytes when the budget was set; 5,876 once every
 * server-derived value of an error was redacted after decoding, every bad option reported
 * at once and errors made to match across the ESM and CJS builds; plus a small margin.
 */
const CLIENT_BUDGET = 5_900;

let sizes: Map<string, BundleSize>;
beforeAll(async () => {
  const measured = await measureBundles();
  sizes = new Map(measured.map((size) => [size.id, size]));
  console.log(
    `\n${table(
      ['bundle', 'minified', 'gzip -9'],
      measured.map((size) => [size.label, `${size.minified} B`, `${size.gzip} B`]),
    )}\n`,
  );
}, 60_000);

describe('size budget', () => {
  it(`@roster/users, everything it exports, stays under ${USERS_WHOLE_BUDGET} bytes gzipped`, () => {
    expect(sizes.get('roster-users-all')?.gzip).toBeLessThan(USERS_WHOLE_BUDGET);
  });

  it(`@roster/client with one document stays under ${CLIENT_BUDGET} bytes gzipped`, () => {
    expect(sizes.get('roster-client')?.gzip).toBeLessThan(CLIENT_BUDGET);
  });

  it('one facade method costs no more than the whole facade, and the client no more than the facade', () => {
    const one = sizes.get('roster-users-one')?.gzip ?? Number.NaN;
    expect(one).toBeLessThanOrEqual(sizes.get('roster-users-all')?.gzip ?? Number.NaN);
    expect(sizes.get('roster-client')?.gzip).toBeLessThan(one);
  });

  it('bundles for the browser without Node built-ins', () => {
    // esbuild fails the build on an unresolvable `node:` import for the browser platform,
    // so every entry having a size proves it; the floor is a few hundred bytes.
    for (const size of sizes.values()) expect(size.gzip).toBeGreaterThan(200);
  });
});
