// `roster groups list|add|remove`: the workspace's groups (Roster extension only).
import type { CommandSpec } from '../command.js';
import { CliError } from '../errors.js';
import { chooseFields, chooseFormat, fieldsOption, formatOption, writeRecords } from '../format.js';
import { mutate } from '../lib/mutate.js';
import { describeUser, requireExtension, uidOf } from '../lib/users.js';

const GROUP_FIELDS = ['id', 'name', 'memberCount'] as const;

/** `roster groups list`. */
export const groupsList: CommandSpec = {
  path: ['groups', 'list'],
  summary: 'list the groups and their member counts',
  examples: ['roster groups list', 'roster groups list --format csv'],
  configure(command) {
    command.addOption(formatOption()).addOption(fieldsOption(GROUP_FIELDS));
  },
  async run(context, { options }) {
    const format = chooseFormat(context.out, options.format, context.globals.json);
    const fields = chooseFields(options.fields, GROUP_FIELDS, GROUP_FIELDS);
    const roster = await context.roster();
    await requireExtension(roster, 'groups list');
    const groups = await roster.groups.list({ signal: context.signal });
    await writeRecords(context.out, groups.map((group) => ({ id: group.id, name: group.name, memberCount: group.memberCount })), format, fields);
  },
};

function membership(verb: 'add' | 'remove'): CommandSpec {
  const adding = verb === 'add';
  return {
    path: ['groups', verb],
    summary: adding ? 'add a user to a group' : 'remove a user from a group',
    description: `${adding ? 'Adds a user to' : 'Removes a user from'} a group; repeating it changes nothing. The group is named by id or name (any case).`,
    examples: [`roster groups ${verb} data-team matt@acme.io`, `roster groups ${verb} "Data team" matt@acme.io --dry-run`],
    kind: 'mutation',
    configure(command) {
      command.argument('<group>', 'group id or name').argument('<user>', 'email or uid');
    },
    async run(context, { args, options }) {
      const roster = await context.roster();
      await requireExtension(roster, `groups ${verb}`);
      const wanted = String(args[0]).toLowerCase();
      const groups = await roster.groups.list({ signal: context.signal });
      const group = groups.find((candidate) => candidate.id.toLowerCase() === wanted) ?? groups.find((candidate) => candidate.name.toLowerCase() === wanted);
      if (!group) {
        throw new CliError(`no group "${String(args[0])}"`, { code: 'NOT_FOUND', hint: `the groups are ${groups.map((candidate) => candidate.id).join(', ') || 'none'}` });
      }
      const { uid, user } = await uidOf(roster, String(args[1]), { signal: context.signal });
      const input = { groupId: group.id, userUid: uid };
      return mutate(context, options, {
        action: `${verb} ${describeUser(user)} ${adding ? 'to' : 'from'} the group ${group.name} (${group.id})`,
        done: `${adding ? 'Added' : 'Removed'} ${user.email} ${adding ? 'to' : 'from'} ${group.name}`,
        operation: adding ? 'AddUserToGroup' : 'RemoveUserFromGroup',
        variables: { groupId: group.id, uid },
        perform: () => (adding ? roster.groups.addUser(input, { signal: context.signal }) : roster.groups.removeUser(input, { signal: context.signal })),
      });
    },
  };
}

/** `roster groups add <group> <user>`. */
export const groupsAdd = membership('add');
/** `roster groups remove <group> <user>`. */
export const groupsRemove = membership('remove');
