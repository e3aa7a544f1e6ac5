import type { CommandSpec } from '../command.js';
import { chooseFields, chooseFormat, fieldsOption, formatOption, writeRecords } from '../format.js';
import { findUser, USER_FIELDS, userRecord } from '../lib/users.js';

/** `roster users get <email|uid>`: one user, in any state. */
export const usersGet: CommandSpec = {
  path: ['users', 'get'],
  summary: 'show one user, by email (any case) or uid',
  description: 'Shows one user, named by email (in any case) or uid. A user is preferred to a pending invitation of the same address.',
  examples: ['roster users get Ada@Acme.io', 'roster users get 1b051b1e…4772 --json'],
  configure(command) {
    command.argument('<user>', 'email or uid').addOption(formatOption()).addOption(fieldsOption(USER_FIELDS));
  },
  async run(context, { args, options }) {
    const format = chooseFormat(context.out, options.format, context.globals.json);
    const fields = chooseFields(options.fields, USER_FIELDS, USER_FIELDS);
    const user = userRecord(await findUser(await context.roster(), String(args[0]), { signal: context.signal }));
    if (format === 'json') {
      await context.out.data(`${JSON.stringify(Object.fromEntries(fields.map((field) => [field, user[field] ?? null])), null, 2)}\n`);
    } else if (format === 'table') {
      // One user reads best as a list of fields, like `kubectl describe`.
      const width = Math.max(...fields.map((field) => field.length));
      await context.out.data(fields.map((field) => `${context.out.color.bold(field.padEnd(width))}  ${String(user[field] ?? '-')}`).join('\n') + '\n');
    } else {
      await writeRecords(context.out, [user], format, fields);
    }
  },
};
