// Bundle sizes: what each way of listing the active users costs a browser app, after
// esbuild (bundle, minify, browser platform, target es2022) and gzip -9.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ListActiveUsersDocument } from '@roster/client';
import { build } from 'esbuild';

/** One measured bundle. */
export interface BundleSize {
  readonly id: string;
  readonly label: string;
  /** Minified bytes. */
  readonly minified: number;
  /** Minified, then gzip level 9, bytes. */
  readonly gzip: number;
}

// The document as codegen emits it (a plain AST object), inlined so that the third-party
// entries carry nothing of @roster/client but the document itself.
const DOCUMENT = JSON.stringify(ListActiveUsersDocument);
const QUERY = 'query ListActiveUsers { listUsers { ok activeUsers { uid email name accountType } } }';

/** The entries: each lists the active users once, the way its library is meant to be used. */
export const SIZE_ENTRIES: readonly { readonly id: string; readonly label: string; readonly code: string }[] = [
  {
    id: 'fetch',
    label: 'fetch-only baseline (hand-written POST)',
    code: `
      export async function listActive(url, headers) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: ${JSON.stringify(QUERY)}, operationName: 'ListActiveUsers', variables: {} }),
        });
        const body = await response.json();
        if (!response.ok || body.errors) throw new Error(body.errors?.[0]?.message ?? 'HTTP ' + response.status);
        return body.data.listUsers.activeUsers;
      }`,
  },
  {
    id: 'urql',
    label: '@urql/core (Client + fetchExchange)',
    code: `
      import { Client, fetchExchange } from '@urql/core';
      const document = ${DOCUMENT};
      export async function listActive(url, headers) {
        const client = new Client({ url, exchanges: [fetchExchange], fetchOptions: { headers } });
        const result = await client.query(document, {}).toPromise();
        if (result.error) throw result.error;
        return result.data.listUsers.activeUsers;
      }`,
  },
  {
    id: 'graphql-request',
    label: 'graphql-request (GraphQLClient + one document)',
    code: `
      import { GraphQLClient } from 'graphql-request';
      const document = ${DOCUMENT};
      export async function listActive(url, headers) {
        const data = await new GraphQLClient(url, { headers }).request(document);
        return data.listUsers.activeUsers;
      }`,
  },
  {
    id: 'roster-client',
    label: '@roster/client (createClient + one document)',
    code: `
      import { createClient, ListActiveUsersDocument } from '@roster/client';
      export async function listActive(options) {
        const data = await createClient(options).execute(ListActiveUsersDocument);
        return data.listUsers.activeUsers;
      }`,
  },
  {
    id: 'roster-users-one',
    label: '@roster/users (new Roster(…).users.listActive())',
    code: `
      import { Roster } from '@roster/users';
      export const listActive = (options) => new Roster(options).users.listActive();`,
  },
  {
    id: 'roster-users-all',
    label: "@roster/users, everything (export * from '@roster/users')",
    code: `export * from '@roster/users';`,
  },
];

const benchDir = path.resolve(import.meta.dirname, '..');

/** Bundles one entry and measures it. */
export async function measureBundle(entry: (typeof SIZE_ENTRIES)[number]): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entry.code, resolveDir: benchDir, sourcefile: `${entry.id}.js`, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { id: entry.id, label: entry.label, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** Measures every entry. */
export function measureBundles(): Promise<BundleSize[]> {
  return Promise.all(SIZE_ENTRIES.map(measureBundle));
}
