import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { mutate } from '../lib/mutate.js';
import { parseEmail, parseRole } from '../lib/users.js';

/** `roster users invite <email> --role R`. */
export const usersInvite: CommandSpec = {
  path: ['users', 'invite'],
  summary: 'invite an address with a role',
  description:
    'Invites an address with a role (any case). Inviting an address that already has a pending invitation sends it again; ' +
    "an active member's address is refused.",
  examples: ['roster users invite grace@acme.io --role developer', 'roster users invite grace@acme.io --role analyst --dry-run'],
  kind: 'mutation',
  configure(command) {
    command.argument('<email>', 'the address to invite').addOption(new Option('--role <role>', 'the role, e.g. developer').makeOptionMandatory());
  },
  async run(context, { args, options }) {
    const email = parseEmail(String(args[0]));
    const accountType = await parseRole(String(options.role));
    return mutate(context, options, {
      action: `invite ${email} as ${accountType}`,
      done: `Invited ${email} as ${accountType}`,
      operation: 'InviteUser',
      variables: { email, accountType },
      perform: async () => {
        const roster = await context.roster();
        await roster.users.invite({ email, accountType }, { signal: context.signal });
      },
    });
  },
};
