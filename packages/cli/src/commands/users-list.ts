import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { chooseFields, chooseFormat, fieldsOption, formatOption, writeRecords } from '../format.js';
import { listUsers, type Query } from '../lib/list-users.js';
import { parseRoles, TABLE_FIELDS, USER_FIELDS } from '../lib/users.js';

const STATUSES = ['active', 'invited', 'disabled', 'all'] as const;

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
      .addOption(new Option('--status <status>', 'which users (default: all)').choices(STATUSES))
      .addOption(new Option('--role <role...>', 'only these roles, in any case (repeat it, or separate with commas)'))
      .addOption(new Option('--prefix <text>', 'only users whose email or name starts with this, in any case'))
      .addOption(formatOption())
      .addOption(fieldsOption(USER_FIELDS));
  },
  async run(context, { options }) {
    const format = chooseFormat(context.out, options.format, context.globals.json);
    const fields = chooseFields(options.fields, USER_FIELDS, format === 'table' ? TABLE_FIELDS : USER_FIELDS);
    const status = (options.status ?? 'all') as (typeof STATUSES)[number];
    const query: Query = {
      statuses: new Set(status === 'all' ? (['ACTIVE', 'INVITED', 'DISABLED'] as const) : [status.toUpperCase() as 'ACTIVE' | 'INVITED' | 'DISABLED']),
      roles: await parseRoles(options.role),
      prefix: typeof options.prefix === 'string' ? options.prefix : undefined,
      // Only an explicit --status all warns that a core-only server cannot list disabled users.
      explicitAll: options.status === 'all',
    };
    const roster = await context.roster();
    const count = await writeRecords(context.out, listUsers(roster, context.out, query, context.signal), format, fields);
    if (format === 'table' && context.out.stdoutIsTerminal) context.out.info(context.out.colorErr.dim(`${count} user${count === 1 ? '' : 's'}`));
  },
};
