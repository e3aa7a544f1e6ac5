// `roster users disable|enable|delete <email|uid>`: one file, since the three differ only in
// the call they make and in how much they ask first.
import type { Roster } from '@roster/users';
import type { CommandSpec } from '../command.js';
import { mutate } from '../lib/mutate.js';
import { describeUser, requireExtension, uidOf, userRecord } from '../lib/users.js';

interface StateChange {
  readonly verb: 'disable' | 'enable' | 'delete';
  readonly summary: string;
  readonly description: string;
  readonly operation: string;
  readonly past: string;
  readonly destructive: boolean;
  readonly extensionOnly: boolean;
  call(roster: Roster, uid: string, signal: AbortSignal): Promise<unknown>;
}

function stateCommand(change: StateChange): CommandSpec {
  return {
    path: ['users', change.verb],
    summary: change.summary,
    description: change.description,
    examples: [`roster users ${change.verb} matt@acme.io${change.destructive ? ' --yes' : ''}`, `roster users ${change.verb} matt@acme.io --dry-run`],
    kind: change.destructive ? 'destructive' : 'mutation',
    configure(command) {
      command.argument('<user>', 'email or uid');
    },
    async run(context, { args, options }) {
      const roster = await context.roster();
      if (change.extensionOnly) await requireExtension(roster, `users ${change.verb}`);
      const { uid, user } = await uidOf(roster, String(args[0]), { signal: context.signal });
      return mutate(context, options, {
        action: `${change.verb} ${describeUser(user)}`,
        done: `${change.past} ${user.email}`,
        operation: change.operation,
        variables: { uid },
        destructive: change.destructive,
        perform: async () => {
          const after = await change.call(roster, uid, context.signal);
          return after && typeof after === 'object' && 'email' in after ? userRecord(after as Parameters<typeof userRecord>[0]) : undefined;
        },
      });
    },
  };
}

/** `roster users disable`: the member loses access (documented core API). */
export const usersDisable = stateCommand({
  verb: 'disable',
  summary: 'disable a member: they lose access (asks first)',
  description: 'Disables an active member: they lose access and leave the active list. Asks for confirmation on a terminal; needs --yes otherwise. The server refuses to disable the last admin.',
  operation: 'DisableUser',
  past: 'Disabled',
  destructive: true,
  extensionOnly: false,
  call: (roster, uid, signal) => roster.users.disable({ userUid: uid }, { signal }),
});

/** `roster users enable`: a disabled user gets access back (Roster extension). */
export const usersEnable = stateCommand({
  verb: 'enable',
  summary: 'enable a disabled user again (needs the Roster extension)',
  description: 'Gives a disabled user access again. Needs a server with the Roster extension.',
  operation: 'EnableUser',
  past: 'Enabled',
  destructive: false,
  extensionOnly: true,
  call: (roster, uid, signal) => roster.users.enable({ userUid: uid }, { signal }),
});

/** `roster users delete`: for good (Roster extension). */
export const usersDelete = stateCommand({
  verb: 'delete',
  summary: 'delete a user for good (asks first; needs the Roster extension)',
  description: 'Deletes a user, with their group memberships, for good. Asks for confirmation on a terminal; needs --yes otherwise. Needs a server with the Roster extension; the last admin is protected.',
  operation: 'DeleteUser',
  past: 'Deleted',
  destructive: true,
  extensionOnly: true,
  call: (roster, uid, signal) => roster.users.delete({ userUid: uid }, { signal }),
});
