import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { access, readLive } from '../access/shared.js';

/** `roster dump`: the live workspace as a roster file. */
export const dump: CommandSpec = {
  path: ['dump'],
  summary: 'write the live workspace as a roster file (YAML), sorted and stable',
  description:
    'Writes every enabled member and pending invitation as a roster file, sorted by address, with roles, names and\n' +
    '(with the Roster extension) groups, so that `roster plan` right after it shows no change. Expired invitations\n' +
    'are kept as they are (resendExpired: false) until you say otherwise.',
  examples: ['roster dump > roster.yaml', 'roster dump --mode authoritative --ignore "*@svc.acme.io" -o roster.yaml'],
  configure(command) {
    command
      .option('-o, --out <file>', 'write to this file instead of stdout')
      .addOption(new Option('--mode <mode>', 'the mode written into the file').choices(['additive', 'authoritative']).default('additive'))
      .addOption(new Option('--ignore <pattern...>', 'addresses or patterns to leave out, written as the file\'s ignore list'))
      .option('--no-groups', 'leave group membership out of the file');
  },
  async run(context, { options }) {
    const mod = await access();
    const live = await readLive(context, mod, options.groups !== false);
    const text = mod.dumpRoster(live, { mode: options.mode as 'additive' | 'authoritative', ignore: (options.ignore as string[] | undefined) ?? [] });
    if (typeof options.out === 'string') {
      await context.out.writeFile(options.out, text);
      const count = live.users.filter((u) => u.status === 'ACTIVE' || u.status === 'INVITED').length;
      context.out.info(`wrote ${options.out} (${count} members and invitations)`);
    } else await context.out.data(text);
  },
};
