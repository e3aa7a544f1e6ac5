// The studio server's guard, over real HTTP: the session token, the cookie, Host and Origin,
// content types, the operation allow-list, and the headers every answer carries.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { EXAMPLE_CREDENTIALS, startServer, type RosterServer } from '@roster/fixtures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_OPERATIONS, CONTENT_SECURITY_POLICY, startStudio, type StudioServer } from '../src/index.js';
import { openBrowser } from '../src/open-browser.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so that Host and Origin can be anything a browser or an attacker sends. */
function send(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

const DISABLE_USER = 'mutation DisableUser($uid: String!) { disableUser(uid: $uid) { ok } }';
const LIST_USERS = 'query ListUsers { listUsers { ok activeUsers { uid email name accountType } invitedUsers { email accountType inviteStatus } } }';

let api: RosterServer;
let studio: StudioServer;
let cookie: string;
let exchange: Answer;

beforeAll(async () => {
  api = await startServer();
  studio = await startStudio({ credentials: { apiEndpoint: api.url, ...EXAMPLE_CREDENTIALS.admin } });
  exchange = await send(studio.port, { path: new URL(studio.url).pathname + new URL(studio.url).search });
  cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  await studio?.close();
  await api?.close();
});

const graphql = (body: unknown, headers: Record<string, string> = {}): Promise<Answer> =>
  send(studio.port, {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${studio.port}`, cookie, ...headers },
    body: JSON.stringify(body),
  });

describe('the launch token and the session cookie', () => {
  it('prints a loopback URL with a long random token', () => {
    expect(studio.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${studio.port}/\\?token=[\\w-]{43}$`));
    expect(studio.origin).toBe(`http://127.0.0.1:${studio.port}`);
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie and a redirect to a clean URL', () => {
    const answer = exchange;
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    expect(String(answer.headers['set-cookie'])).toMatch(new RegExp(`^roster_studio_${studio.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    // The cookie is not the token: the URL in a browser's history does not carry the session.
    expect(String(answer.headers['set-cookie'])).not.toContain(new URL(studio.url).searchParams.get('token'));
  });

  it('takes the link once: used again without the session, it says to start roster studio again', async () => {
    const path = new URL(studio.url).pathname + new URL(studio.url).search;
    const again = await send(studio.port, { path });
    expect(again.status).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('This link was already used');
    expect(again.body).toContain('Run <code>roster studio</code> again for a new link.');
    expect(again.body).not.toContain(new URL(studio.url).searchParams.get('token'));
    // The browser that took it still gets its page from the link, without a new session.
    const mine = await send(studio.port, { path, headers: { cookie } });
    expect(mine.status).toBe(303);
    expect(mine.headers.location).toBe('/');
    expect(mine.headers['set-cookie']).toBeUndefined();
    // A wrong token is still a wrong token, not a used one.
    expect((await send(studio.port, { path: '/?token=guess' })).status).toBe(401);
  });

  it('refuses a wrong token, and the page and the API without the cookie', async () => {
    expect((await send(studio.port, { path: '/?token=guess' })).status).toBe(401);
    expect((await send(studio.port, { path: '/' })).status).toBe(401);
    expect((await send(studio.port, { path: '/api/session' })).status).toBe(401);
    const before = api.requests.length;
    const refused = await graphql({ query: LIST_USERS }, { cookie: 'roster_studio_1=nope' });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(api.requests.length).toBe(before);
  });

  it('serves the page and forwards the page’s own operations with the cookie', async () => {
    const page = await send(studio.port, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    const answer = await graphql({ query: LIST_USERS, operationName: 'ListUsers' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.listUsers.activeUsers).toHaveLength(api.store.listActive().length);
  });
});

describe('refusals', () => {
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, whatever the cookie', async () => {
    const before = api.requests.length;
    const rebinding = await send(studio.port, { path: '/', headers: { host: `attacker.example:${studio.port}`, cookie } });
    expect(rebinding.status).toBe(403);
    expect((await graphql({ query: LIST_USERS }, { host: `evil.test:${studio.port}` })).status).toBe(403);
    expect((await graphql({ query: LIST_USERS }, { origin: 'http://evil.test' })).status).toBe(403);
    expect((await graphql({ query: LIST_USERS }, { origin: `http://127.0.0.1:${studio.port + 1}` })).status).toBe(403);
    expect((await graphql({ query: LIST_USERS }, { origin: 'null' })).status).toBe(403);
    expect((await graphql({ query: LIST_USERS }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect(api.requests.length).toBe(before);
  });

  it('refuses the content types of simple requests', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await graphql({ query: LIST_USERS }, { 'content-type': type });
      expect(answer.status, type).toBe(415);
    }
  });

  it('forwards only the page’s generated operations', async () => {
    const before = api.requests.length;
    const cases = [
      { query: '{ listUsers { ok } }' },
      { query: 'query ListUsers { listUsers { ok activeUsers { uid email name accountType } } }' },
      { query: 'mutation DeleteUser($uid: String!) { deleteUser(uid: $uid) { ok } }', variables: { uid: 'x' } },
      { query: `${LIST_USERS} query Other { listUsers { ok } }` },
      { query: LIST_USERS, operationName: 'InviteUser' },
      { query: 'not graphql' },
    ];
    for (const body of cases) {
      const answer = await graphql(body);
      expect(answer.status, body.query).toBe(400);
      expect(JSON.parse(answer.body).errors[0].extensions.code).toMatch(/OPERATION_NOT_ALLOWED|BAD_REQUEST/);
    }
    expect(api.requests.length).toBe(before);
    // urql's __typename fields are the only addition accepted.
    const withTypename = LIST_USERS.replace('{ ok', '{ __typename ok');
    expect((await graphql({ query: withTypename })).status).toBe(200);
    expect(ALLOWED_OPERATIONS).not.toContain('DeleteUser');
  });

  it('answers GraphQL on POST only, and other methods on the page not at all', async () => {
    expect((await send(studio.port, { path: '/graphql', headers: { cookie } })).status).toBe(405);
    expect((await send(studio.port, { method: 'DELETE', path: '/', headers: { cookie } })).status).toBe(405);
    expect((await send(studio.port, { path: '/../../package.json', headers: { cookie } })).status).toBe(404);
  });
});

describe('opening a browser', () => {
  it('hands the tokened URL to the opener, and reports an opener that fails instead of throwing', async () => {
    const seen: string[] = [];
    const opened = await startStudio({ credentials: { apiEndpoint: api.url, ...EXAMPLE_CREDENTIALS.admin }, open: (url) => Promise.resolve(seen.push(url)) });
    const failed = await startStudio({ credentials: { apiEndpoint: api.url, ...EXAMPLE_CREDENTIALS.admin }, open: () => Promise.reject(new Error('no browser here')) });
    try {
      expect(seen).toEqual([opened.url]);
      expect(opened.opened).toBe(true);
      expect(failed.opened).toBe(false);
      expect(failed.url).not.toBe(opened.url);
    } finally {
      await opened.close();
      await failed.close();
    }
  });

  // The machine is passed in, so each case runs on any platform; the opener is a real process.
  const exiting = (code: number) => () => Promise.resolve(spawn(process.execPath, ['-e', `process.exit(${code})`], { stdio: 'ignore' }));

  it('does not pretend to open a browser on a Linux machine without a display', async () => {
    const asked: string[] = [];
    const opener = (url: string) => {
      asked.push(url);
      return exiting(0)();
    };
    await expect(openBrowser('http://127.0.0.1:1/', true, { platform: 'linux', env: {}, opener })).resolves.toBe(false);
    expect(asked).toEqual([]);
    await expect(openBrowser('http://127.0.0.1:1/', true, { platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' }, opener })).resolves.toBe(true);
    await expect(openBrowser('http://127.0.0.1:1/', true, { platform: 'darwin', env: {}, opener })).resolves.toBe(true);
    expect(asked).toEqual(['http://127.0.0.1:1/', 'http://127.0.0.1:1/']);
  });

  it('reports an opener that exits with an error, or cannot start, as not opened', async () => {
    await expect(openBrowser('http://127.0.0.1:1/', true, { platform: 'linux', env: { DISPLAY: ':0' }, opener: exiting(3) })).resolves.toBe(false);
    await expect(openBrowser('http://127.0.0.1:1/', true, { platform: 'win32', env: {}, opener: () => Promise.reject(new Error('no opener')) })).resolves.toBe(false);
  });
});

describe('headers', () => {
  it('sends a strict CSP and no-referrer everywhere, and never the secret', async () => {
    for (const path of ['/', '/api/session', '/?token=guess']) {
      const answer = await send(studio.port, { path, headers: { cookie } });
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.body).not.toContain(EXAMPLE_CREDENTIALS.admin.apiSecret);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('tells the page what the API offers, without credentials', async () => {
    const answer = await send(studio.port, { path: '/api/session', headers: { cookie } });
    expect(JSON.parse(answer.body)).toEqual({ endpoint: new URL(api.url).origin, authMode: 'keyPair', extension: true, capability: 'unknown' });
  });

  it('learns a viewer key from the first refused change, and sends no mutation of its own to find out', async () => {
    const own = await startServer();
    const viewer = await startStudio({ credentials: { apiEndpoint: own.url, ...EXAMPLE_CREDENTIALS.viewer } });
    try {
      const exchange = await send(viewer.port, { path: new URL(viewer.url).pathname + new URL(viewer.url).search });
      const session = String(exchange.headers['set-cookie']).split(';')[0]!;
      const read = async () => JSON.parse((await send(viewer.port, { path: '/api/session', headers: { cookie: session } })).body) as { capability: string };
      await expect(read()).resolves.toMatchObject({ capability: 'unknown' });
      expect(own.stats.fields).not.toHaveProperty('disableUser');
      const uid = own.store.listActive()[0]!.uid;
      const refused = await send(viewer.port, {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', origin: viewer.origin, cookie: session },
        body: JSON.stringify({ query: DISABLE_USER, operationName: 'DisableUser', variables: { uid } }),
      });
      expect((JSON.parse(refused.body) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
      await expect(read()).resolves.toMatchObject({ capability: 'viewer' });
      // The only mutation the API ever saw is the one the user asked for.
      expect(own.requests.map((request) => (request.body as { operationName?: string })?.operationName).filter((name) => name === 'DisableUser')).toEqual(['DisableUser']);
    } finally {
      await viewer.close();
      await own.close();
    }
  });
});
