import { Option } from 'commander';
import type { Roster } from '@roster/users';
import type { CommandSpec } from '../command.js';
import { CliError } from '../errors.js';
import { chooseFields, chooseFormat, fieldsOption, formatOption, writeRecords, type DataRecord } from '../format.js';
import type { Output } from '../output.js';
import { activeRecord, hasExtension, invitedRecord, parseRoles, TABLE_FIELDS, USER_FIELDS, userRecord } from '../lib/users.js';

const STATUSES = ['active', 'invited', 'disabled', 'all'] as const;

interface Query {
  readonly statuses: ReadonlySet<'ACTIVE' | 'INVITED' | 'DISABLED'>;
  readonly roles: readonly string[] | undefined;
  readonly prefix: string | undefined;
  readonly explicitAll: boolean;
}

/**
 * Every user matching the query, every page of it. With the extension the server filters and
 * pages; a core-only server's two lists are read whole (the core has no paging) and filtered here.
 */
async function* listUsers(roster: Roster, out: Output, query: Query, signal: AbortSignal): AsyncGenerator<DataRecord> {
  if (await hasExtension(roster)) {
    const filter = {
      status: [...query.statuses],
      ...(query.roles ? { accountTypes: query.roles as never[] } : {}),
      ...(query.prefix !== undefined ? { prefix: query.prefix } : {}),
    };
    for await (const user of roster.users.list(filter, { pageSize: 500, signal })) yield userRecord(user);
    return;
  }
  if (query.statuses.has('DISABLED')) {
    if (!query.explicitAll) {
      throw new CliError('disabled users cannot be listed: the server speaks only the documented core API', {
        code: 'NOT_SUPPORTED',
        hint: 'the core lists active users and pending invitations only: use --status active or --status invited',
      });
    }
    out.warn('the server speaks only the documented core API: disabled users are not listed');
  }
  const [active, invited] = await Promise.all([
    query.statuses.has('ACTIVE') ? roster.users.listActive({ signal }) : [],
    query.statuses.has('INVITED') ? roster.users.listInvited({ signal }) : [],
  ]);
  const prefix = query.prefix?.toLowerCase();
  const keep = (role: string, email: string, name: string | null) =>
    (!query.roles || query.roles.includes(role)) &&
    (prefix === undefined || email.toLowerCase().startsWith(prefix) || (name?.toLowerCase().startsWith(prefix) ?? false));
  for (const user of active) if (keep(user.accountType, user.email, user.name)) yield activeRecord(user);
  for (const user of invited) if (keep(user.accountType, user.email, null)) yield invitedRecord(user);
}

/** `roster users list`: every user, every page, in a table or a machine format. */
export const usersList: CommandSpec = {
  path: ['users', 'list'],
  summary: 'list the users of the workspace (every page)',
  description:
    'Lists the users of the workspace: every page, never a silent cap. A table on a terminal; JSON, NDJSON or CSV for programs.\n' +
    'Against a server with only the documented core API, disabled users cannot be listed.',
  examples: [
    'roster users list',
    'roster users list --status invited --format csv > pending.csv',
    'roster users list --role admin --role billing_admin --fields email,name',
    'roster users list --prefix ada --json | jq -r ".[].email"',
  ],
  configure(command) {
    command
      .addOption(new Option('--status <status>', 'which users').choices(STATUSES).default('all'))
      .addOption(new Option('--role <role...>', 'only these roles, in any case (repeat it, or separate with commas)'))
      .addOption(new Option('--prefix <text>', 'only users whose email or name starts with this, in any case'))
      .addOption(formatOption())
      .addOption(fieldsOption(USER_FIELDS));
  },
  async run(context, { options }) {
    const format = chooseFormat(context.out, options.format, context.globals.json);
    const fields = chooseFields(options.fields, USER_FIELDS, format === 'table' ? TABLE_FIELDS : USER_FIELDS);
    const status = options.status as (typeof STATUSES)[number];
    const query: Query = {
      statuses: new Set(status === 'all' ? (['ACTIVE', 'INVITED', 'DISABLED'] as const) : [status.toUpperCase() as 'ACTIVE' | 'INVITED' | 'DISABLED']),
      roles: await parseRoles(options.role),
      prefix: typeof options.prefix === 'string' ? options.prefix : undefined,
      explicitAll: status === 'all',
    };
    const roster = await context.roster();
    const count = await writeRecords(context.out, listUsers(roster, context.out, query, context.signal), format, fields);
    if (format === 'table' && context.out.stdoutIsTerminal) context.out.info(context.out.colorErr.dim(`${count} user${count === 1 ? '' : 's'}`));
  },
};
