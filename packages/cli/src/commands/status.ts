import type { CommandSpec } from '../command.js';
import { describeError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { hasExtension } from '../lib/users.js';
import type { Output } from '../output.js';

// Only the origin and the path: user info (`https://user:pass@…`) or a query string
// (`?token=…`) can carry a credential, and status output is meant to be pasted anywhere.
// Those parts are also redacted, because a transport error can quote the whole URL.
function shownEndpoint(endpoint: string, out: Output): string {
  try {
    const url = new URL(endpoint);
    for (const part of [url.password, url.search.slice(1), ...url.searchParams.values()]) out.redact(part);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a valid URL)';
  }
}

/** `roster status`: where the CLI points, how it authenticates, what the server offers, whether the credentials work. */
export const status: CommandSpec = {
  path: ['status'],
  summary: 'show the endpoint, the authentication mode, the server and whether the credentials work',
  description:
    'Shows the endpoint, how the CLI authenticates and where each credential came from, whether the server has the Roster extension, ' +
    'and whether the credentials work (by reading the workspace). Never shows the secret. Exit code 1 when the credentials do not work.',
  examples: ['roster status', 'ROSTER_PROFILE=staging roster status --json'],
  async run(context) {
    const { out } = context;
    const credentials = await context.credentials();
    const roster = await context.roster();
    const { authMode } = roster.toJSON();
    const endpoint = shownEndpoint(roster.toJSON().endpoint, out);
    let extension: boolean | null = null;
    let users: number | null = null;
    let problem: Awaited<ReturnType<typeof describeError>> | undefined;
    try {
      extension = await hasExtension(roster);
      // Reading something proves the credentials; with the extension one user is enough.
      if (extension) users = (await roster.users.listPage({}, { pageSize: 1, signal: context.signal })).totalCount;
      else users = (await roster.users.listActive({ signal: context.signal })).length + (await roster.users.listInvited({ signal: context.signal })).length;
    } catch (error) {
      problem = await describeError(error);
    }
    const report = {
      endpoint,
      authMode,
      sources: credentials.sources,
      profile: credentials.profile ?? null,
      profileFile: credentials.profileFile ?? null,
      extension,
      credentialsWork: problem === undefined,
      users,
      error: problem ? { name: problem.name, code: problem.code, message: problem.message, hint: problem.hint ?? null } : null,
    };
    if (context.globals.json) {
      await out.data(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const c = out.color;
      const from = (source: string) => c.dim(`(from ${source})`);
      const lines = [
        `endpoint     ${endpoint} ${from(credentials.sources.endpoint)}`,
        `auth         ${authMode}${credentials.sources.key !== 'none' ? `, key ${from(credentials.sources.key)}` : ''}, secret ${from(credentials.sources.secret)}`,
        ...(credentials.profile ? [`profile      ${credentials.profile} ${c.dim(`(${credentials.profileFile ?? ''})`)}`] : []),
        `server       ${extension === null ? c.dim('unknown') : extension ? 'documented core API + Roster extension' : 'documented core API only (no Roster extension)'}`,
        `credentials  ${problem ? c.red(`do not work: ${problem.name}: ${problem.message}`) : c.green('work')}`,
        ...(problem?.hint ? [`             ${c.dim(problem.hint)}`] : []),
        ...(users !== null ? [`users        ${users}`] : []),
      ];
      await out.data(`${lines.join('\n')}\n`);
    }
    return problem ? ExitCode.FAILURE : ExitCode.OK;
  },
};
