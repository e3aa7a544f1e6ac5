// The registry of `roster` commands. To add one: write `src/commands/<name>.ts` exporting a
// `CommandSpec` (see ../command.ts and the package README), import it here and add it to
// COMMANDS. A new first word (`roster <group> …`) also gets a line in GROUPS.
import type { CommandSpec } from '../command.js';
import { status } from './status.js';
import { studio } from './studio.js';
import { usersList } from './users-list.js';

/** Every command, in the order `roster --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  usersList,
  status,
  studio,
];

/** The command groups (the first word of `roster users list`) and their one-line summaries. */
export const GROUPS: Readonly<Record<string, string>> = {
  users: 'list, find, invite, change roles, disable, import and export the members of the workspace',
  invites: 'resend or revoke pending invitations',
  groups: 'list groups and change their members (needs the Roster extension)',
};
