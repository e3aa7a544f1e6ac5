// The registry of `roster` commands. To add one: write `src/commands/<name>.ts` exporting a
// `CommandSpec` (see ../command.ts and the package README), import it here and add it to
// COMMANDS. A new first word (`roster <group> …`) also gets a line in GROUPS.
import type { CommandSpec } from '../command.js';
import { apply } from './apply.js';
import { complete, completion } from './completion.js';
import { drift } from './drift.js';
import { dump } from './dump.js';
import { groupsAdd, groupsList, groupsRemove } from './groups.js';
import { invitesResend, invitesRevoke } from './invites.js';
import { plan } from './plan.js';
import { status } from './status.js';
import { studio } from './studio.js';
import { usersExport } from './users-export.js';
import { usersGet } from './users-get.js';
import { usersImport } from './users-import.js';
import { usersInvite } from './users-invite.js';
import { usersList } from './users-list.js';
import { usersSetRole } from './users-set-role.js';
import { usersDelete, usersDisable, usersEnable } from './users-state.js';

/** Every command, in the order `roster --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  usersList,
  usersGet,
  usersInvite,
  usersSetRole,
  usersDisable,
  usersEnable,
  usersDelete,
  usersImport,
  usersExport,
  invitesResend,
  invitesRevoke,
  groupsList,
  groupsAdd,
  groupsRemove,
  status,
  dump,
  plan,
  apply,
  drift,
  studio,
  completion,
  complete,
];

/** The command groups (the first word of `roster users list`) and their one-line summaries. */
export const GROUPS: Readonly<Record<string, string>> = {
  users: 'list, find, invite, change roles, disable, import and export the members of the workspace',
  invites: 'resend or revoke pending invitations',
  groups: 'list groups and change their members (needs the Roster extension)',
};
