import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { access, addCsvOptions, addGuardOptions, changesExit, planning, planOptions, readRosterAndLive } from '../access/shared.js';

/** `roster plan <file>`: what applying a roster file would change, as a diff and as JSON. */
export const plan: CommandSpec = {
  path: ['plan'],
  summary: 'show what applying a roster file would change (exit 0: nothing, 2: changes)',
  description:
    'Reads the roster file and the live workspace (every page) and shows the actions that would bring the workspace to the file:\n' +
    '+ invite, enable, add to group; ~ change role, resend an expired invitation; - revoke an invitation, disable, remove from group.\n' +
    'Nothing is sent. -o saves the plan, with the fingerprint of the workspace it was made against, for `roster apply`.\n' +
    'Exit codes (as Terraform --detailed-exitcode): 0 no changes, 2 changes, 1 error.',
  examples: ['roster plan roster.yaml', 'roster plan roster.yaml -o plan.json', 'roster plan team.csv --mode authoritative --ignore "*@svc.acme.io"', 'roster plan roster.yaml --format json | jq .summary'],
  configure(command) {
    command
      .argument('<file>', 'the roster file: YAML, or CSV (.csv)')
      .option('-o, --out <plan.json>', 'save the plan for `roster apply`')
      .addOption(new Option('--format <format>', 'text (a diff) or json (default: text, json with --json)').choices(['text', 'json']));
    addCsvOptions(command);
    addGuardOptions(command);
  },
  async run(context, { args, options }) {
    const mod = await access();
    const { file, live } = await readRosterAndLive(context, mod, String(args[0]), options);
    const made = await planning(mod, () => Promise.resolve(mod.planRoster(file, live, planOptions(options))));
    if (typeof options.out === 'string') {
      await context.out.writeFile(options.out, `${JSON.stringify(made, null, 2)}\n`);
      context.out.info(`plan saved to ${options.out}: apply it with \`roster apply ${options.out}\``);
    }
    const json = options.format === 'json' || (options.format === undefined && context.globals.json);
    await context.out.data(json ? `${JSON.stringify(made, null, 2)}\n` : mod.formatPlan(made, { color: context.out.color.isColorSupported }));
    return changesExit(made.actions.length > 0);
  },
};
