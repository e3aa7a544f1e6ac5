import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { writeRecords } from '../format.js';
import { listUsers } from '../lib/list-users.js';
import { USER_FIELDS } from '../lib/users.js';

/** `roster users export`: the whole workspace, in a file `roster users import` reads back. */
export const usersExport: CommandSpec = {
  path: ['users', 'export'],
  summary: 'export the whole workspace as CSV or JSON (re-importable)',
  description:
    'Writes every user (active, invited and, with the Roster extension, disabled) with every field. The CSV is what `roster users import` reads: ' +
    'importing it into another workspace invites everyone but the disabled users; into the same one it sends nothing.',
  examples: ['roster users export > workspace.csv', 'roster users export --format json > workspace.json', 'roster users import workspace.csv --dry-run'],
  configure(command) {
    command.addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'));
  },
  async run(context, { options }) {
    const roster = await context.roster();
    const query = { statuses: new Set(['ACTIVE', 'INVITED', 'DISABLED'] as const), roles: undefined, prefix: undefined, explicitAll: true };
    const count = await writeRecords(context.out, listUsers(roster, context.out, query, context.signal), options.format === 'json' ? 'json' : 'csv', USER_FIELDS);
    context.out.info(context.out.colorErr.dim(`exported ${count} user${count === 1 ? '' : 's'}`));
  },
};
