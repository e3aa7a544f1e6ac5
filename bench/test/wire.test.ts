// What the benchmark relies on about Roster's requests, and the two client changes made for
// performance: its own document printer (in place of @urql/core's) and `redirect: 'error'`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as client from '@roster/client';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { Roster } from '@roster/users';
import { parse, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedServer, type CannedServer } from '../src/canned/server.js';
import { contenders } from '../src/contenders.js';

/** The body Roster sends for a document, captured by a fetch that only records. */
async function sentBody(document: client.TypedDocumentNode<unknown, never>): Promise<{ query: string; operationName: string }> {
  let body = '';
  const recorder = client.createClient({
    apiEndpoint: 'http://127.0.0.1/graphql',
    ...EXAMPLE_CREDENTIALS.admin,
    fetch: (_url, init) => {
      body = init.body;
      return Promise.resolve({ status: 200, headers: { forEach: () => undefined }, text: () => Promise.resolve('{"data":{}}') });
    },
  });
  await recorder.execute(document, {} as never);
  return JSON.parse(body) as { query: string; operationName: string };
}

const documents = Object.entries(client).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

describe('what Roster sends', () => {
  it.each(documents)('%s: a one-line text that parses back to the same document', async (_name, document) => {
    const { query } = await sentBody(document);
    expect(query).not.toContain('\n  ');
    expect(print(parse(query))).toBe(print(document));
  });

  it('prints every kind of executable syntax back to the same document', async () => {
    const source = `query Q($a: [Int!]! = [1, 2], $b: In @dir(x: 1)) @op {
      a: field(arg: "s\\n\\"q", obj: {x: 1.5, y: [true, null, ENUM]}, v: $a) @include(if: true) {
        ...F
        ... on T { x }
        ... @skip(if: false) { y }
      }
    }
    fragment F on T @d { x }`;
    const document = parse(source);
    const { query, operationName } = await sentBody(document);
    expect(operationName).toBe('Q');
    expect(print(parse(query))).toBe(print(document));
  });

  it('leaves the caller’s document untouched (no `loc` written into it)', async () => {
    const document = parse('query Untouched { listUsers { ok } }', { noLocation: true });
    await sentBody(document);
    expect(document).not.toHaveProperty('loc');
  });
});

describe('redirects', () => {
  let target: Server;
  let redirecting: Server;
  const reached: string[] = [];
  const listen = (server: Server) => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
  let redirectUrl = '';
  beforeAll(async () => {
    target = createServer((request, response) => {
      reached.push(JSON.stringify(request.headers));
      response.end('{"data":{"listUsers":{"ok":true,"activeUsers":[]}}}');
    });
    const targetUrl = await listen(target);
    redirecting = createServer((_request, response) => {
      response.writeHead(307, { location: `${targetUrl}/graphql` });
      response.end();
    });
    redirectUrl = `${await listen(redirecting)}/graphql`;
  });
  afterAll(() => {
    target.close();
    redirecting.close();
  });

  it('are not followed: the credentials never reach another origin, and the call fails with a clear NetworkError', async () => {
    const roster = new Roster({ apiEndpoint: redirectUrl, ...EXAMPLE_CREDENTIALS.admin, retry: false });
    const error = await roster.users.listActive().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(client.NetworkError);
    expect((error as Error).message).toBe('Network error in ListActiveUsers: fetch failed (unexpected redirect)');
    expect(reached).toEqual([]);
  });
});

describe('the contenders', () => {
  let server: CannedServer;
  beforeAll(async () => {
    server = await startCannedServer({ datasets: { large: { active: 50, invited: 5 } } });
  });
  afterAll(() => server.close());

  it('each send exactly one request per call, and get the same lists', async () => {
    for (const contender of contenders(EXAMPLE_CREDENTIALS.admin)) {
      const small = contender.create(server.url);
      const large = contender.create(server.urls.large ?? '');
      const before = server.requestCount;
      expect(await small.listActive()).toEqual({ active: 3, invited: 0 });
      await Promise.all([1, 2, 3, 4].map((n) => small.listActive(n)));
      expect(await large.listUsers()).toEqual({ active: 50, invited: 5 });
      await small.invite(1);
      expect(server.requestCount - before).toBe(7);
      await contender.close();
    }
  });
});
