import type { CommandSpec } from '../command.js';
import { mutate } from '../lib/mutate.js';
import { describeUser, parseRole, uidOf, userRecord } from '../lib/users.js';

/** `roster users set-role <email|uid> <role>`. */
export const usersSetRole: CommandSpec = {
  path: ['users', 'set-role'],
  summary: "change a member's role",
  description: "Changes an active member's role. The server refuses to demote the last admin.",
  examples: ['roster users set-role matt@acme.io admin', 'roster users set-role Matt@Acme.io analyst --dry-run'],
  kind: 'mutation',
  configure(command) {
    command.argument('<user>', 'email or uid').argument('<role>', 'the new role, in any case');
  },
  async run(context, { args, options }) {
    const accountType = await parseRole(String(args[1]));
    const roster = await context.roster();
    const { uid, user } = await uidOf(roster, String(args[0]), { signal: context.signal });
    return mutate(context, options, {
      action: `change the role of ${describeUser(user)} to ${accountType}`,
      done: `${user.email} is now ${accountType}`,
      operation: 'UpdateUserAccountType',
      variables: { uid, accountType },
      perform: async () => {
        await roster.users.updateAccountType({ userUid: uid, accountType }, { signal: context.signal });
        return userRecord({ ...user, accountType });
      },
    });
  },
};
