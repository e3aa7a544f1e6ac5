// `roster invites resend|revoke <email>`: the two actions on a pending invitation.
import type { CommandSpec } from '../command.js';
import { mutate } from '../lib/mutate.js';
import { hasExtension, parseEmail, pendingInvitation, requireExtension, userRecord } from '../lib/users.js';

/** `roster invites resend <email>`: with the extension `resendInvite`; on a core-only server, the same invitation again. */
export const invitesResend: CommandSpec = {
  path: ['invites', 'resend'],
  summary: 'send a pending invitation again',
  description:
    'Sends a pending invitation again (an expired one included). On a server with only the documented core API, the address is invited again with its role.',
  examples: ['roster invites resend max@acme.io', 'roster invites resend max@acme.io --dry-run'],
  kind: 'mutation',
  configure(command) {
    command.argument('<email>', 'the address of the invitation');
  },
  async run(context, { args, options }) {
    const email = parseEmail(String(args[0]));
    const roster = await context.roster();
    const pending = await pendingInvitation(roster, email, `invite it with \`roster users invite ${email} --role <role>\``, { signal: context.signal });
    const extension = await hasExtension(roster);
    return mutate(context, options, {
      action: `send the invitation of ${pending.email} (${pending.accountType}, ${pending.inviteStatus ?? 'pending'}) again`,
      done: `Sent the invitation of ${pending.email} again`,
      operation: extension ? 'ResendInvite' : 'InviteUser',
      variables: extension ? { email: pending.email } : { email: pending.email, accountType: pending.accountType },
      perform: async () => userRecord(await roster.users.resendInvite({ email: pending.email }, { signal: context.signal })),
    });
  },
};

/** `roster invites revoke <email>` (Roster extension). */
export const invitesRevoke: CommandSpec = {
  path: ['invites', 'revoke'],
  summary: 'withdraw a pending invitation (asks first; needs the Roster extension)',
  description: 'Withdraws a pending invitation. Asks for confirmation on a terminal; needs --yes otherwise. Needs a server with the Roster extension.',
  examples: ['roster invites revoke john@acme.io --yes', 'roster invites revoke john@acme.io --dry-run'],
  kind: 'destructive',
  configure(command) {
    command.argument('<email>', 'the address of the invitation');
  },
  async run(context, { args, options }) {
    const email = parseEmail(String(args[0]));
    const roster = await context.roster();
    await requireExtension(roster, 'invites revoke');
    const pending = await pendingInvitation(roster, email, 'list them with `roster users list --status invited`', { signal: context.signal });
    return mutate(context, options, {
      action: `revoke the invitation of ${pending.email} (${pending.accountType})`,
      done: `Revoked the invitation of ${pending.email}`,
      operation: 'RevokeInvite',
      variables: { email: pending.email },
      destructive: true,
      perform: () => roster.users.revokeInvite({ email: pending.email }, { signal: context.signal }),
    });
  },
};
