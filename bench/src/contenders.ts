// The clients under test. Every contender sends the same requests: a POST of the same
// operation with the same authentication headers to the same canned server, so that
// differences are the clients' own costs. The hand-written contenders (fetch, undici) send
// Roster's exact bytes; urql and graphql-request print the document their own way.
import { createClient, InviteUserDocument, ListActiveUsersDocument, ListUsersDocument } from '@roster/client';
import { createUndiciFetch, type UndiciFetch } from '@roster/undici';
import { Roster } from '@roster/users';
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { request as undiciRequest } from 'undici';

/** What one call answers, reduced to counts so that every contender is checked alike. */
export interface ListCounts {
  readonly active: number;
  readonly invited: number;
}

/** The calls a contender makes against one endpoint. */
export interface Calls {
  /**
   * `ListActiveUsers`. With `n`, the request carries the variables `{"n":n}`, which the
   * server ignores: urql would otherwise merge identical queries in flight.
   */
  listActive(n?: number): Promise<ListCounts>;
  /** `ListUsers`: both lists. */
  listUsers(): Promise<ListCounts>;
  /** `InviteUser` with a distinct address for each `n`. */
  invite(n: number): Promise<void>;
}

/** A client under test. */
export interface Contender {
  /** A short id for the command line and the JSON results. */
  readonly id: string;
  /** The row label. */
  readonly label: string;
  /** What is called, for the notes. */
  readonly how: string;
  /** Creates its client(s) for an endpoint. */
  create(endpoint: string): Calls;
  /** Closes what `create` opened (connection pools). */
  close(): Promise<void>;
}

/** A key pair the server accepts (the bench passes the reference server's example admin). */
export interface KeyPair {
  readonly apiKey: string;
  readonly apiSecret: string;
}

const authHeaders = (keys: KeyPair) => ({ 'x-api-key': keys.apiKey, 'x-api-secret': keys.apiSecret });

/** The headers of the hand-written contenders: the same content type, accept and credentials as Roster's. */
export function headersFor(keys: KeyPair): Readonly<Record<string, string>> {
  return { accept: 'application/graphql-response+json, application/json', 'content-type': 'application/json', ...authHeaders(keys) };
}

interface ListData {
  listUsers: { activeUsers?: unknown[] | null; invitedUsers?: unknown[] | null };
}
const counts = (data: ListData): ListCounts => ({
  active: data.listUsers.activeUsers?.length ?? 0,
  invited: data.listUsers.invitedUsers?.length ?? 0,
});

/**
 * The JSON body up to the variables, exactly as Roster sends it: captured from a client whose
 * `fetch` only records, so that the hand-written contenders send the very same bytes.
 */
async function bodyPrefix(document: TypedDocumentNode<unknown, never>): Promise<string> {
  let body = '';
  const recorder = createClient({
    apiEndpoint: 'http://127.0.0.1/graphql',
    apiKey: 'recorder',
    apiSecret: 'recorder',
    retry: false,
    fetch: (_url, init) => {
      body = init.body;
      return Promise.resolve({ status: 200, headers: { forEach: () => undefined }, text: () => Promise.resolve('{"data":{}}') });
    },
  });
  await recorder.execute(document, {} as never);
  if (!body.endsWith('"variables":{}}')) throw new Error(`unexpected body: ${body}`);
  return body.slice(0, -'{}}'.length);
}
const LIST_ACTIVE = await bodyPrefix(ListActiveUsersDocument);
const LIST_USERS = await bodyPrefix(ListUsersDocument);
const INVITE = await bodyPrefix(InviteUserDocument);

const inviteVariables = (n: number) => ({ email: `bench-${n}@bench.roster.test`, accountType: 'DEVELOPER' as const });
const activeVariables = (n: number | undefined) => (n === undefined ? {} : { n });

function checkErrors(body: { data?: unknown; errors?: unknown }): unknown {
  if (body.errors !== undefined || body.data === null || body.data === undefined) throw new Error(`GraphQL error: ${JSON.stringify(body).slice(0, 200)}`);
  return body.data;
}

/** The floor: the built-in fetch, the same body, `await res.json()`. */
/** The three calls of a hand-written floor, given how it POSTs a body: the same bytes Roster sends. */
const floorCalls = (post: (body: string) => Promise<unknown>): Calls => ({
  listActive: async (n) => counts((await post(`${LIST_ACTIVE}${JSON.stringify(activeVariables(n))}}`)) as ListData),
  listUsers: async () => counts((await post(`${LIST_USERS}{}}`)) as ListData),
  invite: async (n) => void (await post(`${INVITE}${JSON.stringify(inviteVariables(n))}}`)),
});

const rawFetch = (keys: KeyPair): Contender => {
  const headers = headersFor(keys);
  return {
    id: 'fetch',
    label: 'raw fetch',
    how: 'globalThis.fetch(url, { method: "POST", headers, body }) then res.json()',
    create(endpoint) {
      const post = async (body: string): Promise<unknown> => {
        const response = await fetch(endpoint, { method: 'POST', headers, body });
        const json = (await response.json()) as { data?: unknown; errors?: unknown };
        if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
        return checkErrors(json);
      };
      return floorCalls(post);
    },
    close: () => Promise.resolve(),
  };
};

/** The lower floor: undici's pooled request API (the npm package), the same body, `body.json()`. */
const undici = (keys: KeyPair): Contender => {
  const headers = headersFor(keys);
  return {
    id: 'undici',
    label: 'undici request',
    how: 'undici.request(url, { method: "POST", headers, body }) then body.json()',
    create(endpoint) {
      const post = async (body: string): Promise<unknown> => {
        const response = await undiciRequest(endpoint, { method: 'POST', headers, body });
        const json = (await response.body.json()) as { data?: unknown; errors?: unknown };
        if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
        return checkErrors(json);
      };
      return floorCalls(post);
    },
    close: () => Promise.resolve(),
  };
};

/** @urql/core on its own: Client + fetchExchange, network-only, POST for every operation. */
const urql = (keys: KeyPair): Contender => ({
  id: 'urql',
  label: '@urql/core',
  how: 'new Client({ exchanges: [fetchExchange], preferGetMethod: false, requestPolicy: "network-only" }).query(doc, vars).toPromise()',
  create(endpoint) {
    const client = new Client({
      url: endpoint,
      exchanges: [fetchExchange],
      requestPolicy: 'network-only',
      // urql sends small queries as GET by default; the others all POST.
      preferGetMethod: false,
      fetchOptions: { headers: authHeaders(keys) },
    });
    const run = async <T,>(promise: Promise<{ data?: T; error?: unknown }>): Promise<T> => {
      const result = await promise;
      if (result.error !== undefined || result.data === undefined) throw new Error(`urql error: ${String(result.error)}`);
      return result.data;
    };
    return {
      listActive: async (n) =>
        counts(await run(client.query(ListActiveUsersDocument, activeVariables(n) as AnyVariables as Record<string, never>).toPromise())),
      listUsers: async () => counts(await run(client.query(ListUsersDocument, {}).toPromise())),
      invite: async (n) => void (await run(client.mutation(InviteUserDocument, inviteVariables(n)).toPromise())),
    };
  },
  close: () => Promise.resolve(),
});

/** graphql-request 7 with the same typed documents. */
const graphqlRequest = (keys: KeyPair): Contender => ({
  id: 'graphql-request',
  label: 'graphql-request',
  how: 'new GraphQLClient(url, { headers }).request(doc, vars)',
  create(endpoint) {
    const client = new GraphQLClient(endpoint, { headers: authHeaders(keys) });
    return {
      listActive: async (n) => counts(await client.request(ListActiveUsersDocument, activeVariables(n) as Record<string, never>)),
      listUsers: async () => counts(await client.request(ListUsersDocument)),
      invite: async (n) => void (await client.request(InviteUserDocument, inviteVariables(n))),
    };
  },
  close: () => Promise.resolve(),
});

function roster(keys: KeyPair, id: string, label: string, how: string, fetchFactory?: () => UndiciFetch): Contender {
  let transport: UndiciFetch | undefined;
  return {
    id,
    label,
    how,
    create(endpoint) {
      transport ??= fetchFactory?.();
      const sdk = new Roster({ apiEndpoint: endpoint, ...keys, ...(transport ? { fetch: transport } : {}) });
      return {
        // The facade takes no variables (and its transport never merges requests), so `n` is not sent.
        listActive: async () => ({ active: (await sdk.users.listActive()).length, invited: 0 }),
        // The facade has no call for both lists in one request: its transport sends the document.
        listUsers: async () => counts(await sdk.client.execute(ListUsersDocument)),
        invite: (n) => sdk.users.invite(inviteVariables(n)),
      };
    },
    close: () => transport?.close() ?? Promise.resolve(),
  };
}

/** Every contender, the floor first: ratios are to `fetch`. */
export function contenders(keys: KeyPair): Contender[] {
  return [
    rawFetch(keys),
    undici(keys),
    urql(keys),
    graphqlRequest(keys),
    roster(keys, 'roster', 'Roster', 'roster.users.listActive() / .invite(); large list: roster.client.execute(ListUsersDocument)'),
    roster(keys, 'roster-undici', 'Roster + @roster/undici', 'as Roster, with fetch: createUndiciFetch({ connections: 32 })', () =>
      createUndiciFetch({ connections: 32 }),
    ),
  ];
}
