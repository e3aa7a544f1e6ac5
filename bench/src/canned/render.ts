// Renders the canned answers: each documented core operation, read from operations/, executed
// once by the real reference server over HTTP, its exact bytes kept.
import { readFileSync } from 'node:fs';
import { EXAMPLE_CREDENTIALS, startServer, type SeedData } from '@roster/fixtures';

/** The documented core operations the canned server answers, each a file of `operations/`. */
export const QUERIES = ['ListUsers', 'ListActiveUsers', 'ListInvitedUsers'] as const;
/** The documented core mutations, with variables that pass validation and the root field they answer. */
export const MUTATIONS = {
  InviteUser: { field: 'inviteUser', variables: { email: 'canned@canned.roster.test', accountType: 'DEVELOPER' } },
  UpdateUserAccountType: { field: 'updateUserAccountType', variables: { uid: '0'.repeat(64), accountType: 'DEVELOPER' } },
  DisableUser: { field: 'disableUser', variables: { uid: '0'.repeat(64) } },
} as const;

/** Who may ask: the canned server answers per capability. */
export type Capability = 'admin' | 'viewer';

/** One rendered answer: the same bytes for every request of its operation. */
export interface Canned {
  readonly status: number;
  readonly body: Buffer;
}

/** The answers of one workspace, by operation name, for each capability. */
export type CannedTable = ReadonlyMap<string, Readonly<Record<Capability, Canned>>>;

const OPERATIONS_DIR = new URL('../../../operations/', import.meta.url);

/** The text of `operations/<name>.graphql`, as the clients' generated documents hold it. */
export function operationText(name: string): string {
  return readFileSync(new URL(`${name}.graphql`, OPERATIONS_DIR), 'utf8');
}

const headersOf = (capability: Capability) => {
  const pair = EXAMPLE_CREDENTIALS[capability];
  return { 'content-type': 'application/json', 'x-api-key': pair.apiKey, 'x-api-secret': pair.apiSecret };
};

/**
 * Executes each operation once against a reference server holding `seed`. A successful
 * mutation is the real server's answer, `{"data":{"<field>":{"ok":true}}}`, serialised without
 * executing it (that would change what the queries answer); a viewer's is executed, since it
 * fails before any change.
 */
export async function render(seed: SeedData): Promise<CannedTable> {
  const server = await startServer({ seed, requestLog: 0 });
  try {
    const execute = async (capability: Capability, name: string, variables: Record<string, string> = {}): Promise<Canned> => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: headersOf(capability),
        body: JSON.stringify({ query: operationText(name), operationName: name, variables }),
      });
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    };
    const table = new Map<string, Record<Capability, Canned>>();
    for (const name of QUERIES) {
      const admin = await execute('admin', name);
      if (admin.status !== 200) throw new Error(`Canned ${name} failed to render (HTTP ${admin.status}): ${admin.body.toString()}`);
      // A viewer reads the same lists: one copy of the bytes serves both.
      table.set(name, { admin, viewer: admin });
    }
    for (const [name, mutation] of Object.entries(MUTATIONS)) {
      const admin = { status: 200, body: Buffer.from(JSON.stringify({ data: { [mutation.field]: { ok: true } } })) };
      table.set(name, { admin, viewer: await execute('viewer', name, mutation.variables) });
    }
    return table;
  } finally {
    await server.close();
  }
}
