import { Option } from 'commander';
import type { CommandSpec } from '../command.js';
import { access, addCsvOptions, changesExit, planning, readRosterAndLive } from '../access/shared.js';

/** `roster drift <file>`: does the workspace still match the roster file? For scheduled CI jobs. */
export const drift: CommandSpec = {
  path: ['drift'],
  summary: 'report how the workspace differs from a roster file (exit 0: none, 2: drift)',
  description:
    'Compares the live workspace (every page) with the roster file and reports the differences by kind: not in the file,\n' +
    'missing, wrong role, stale invitation, wrong groups. Nothing is sent. For a scheduled CI job: exit 2 on drift, 1 on error.',
  examples: ['roster drift roster.yaml', 'roster drift roster.yaml --format json'],
  configure(command) {
    command
      .argument('<file>', 'the roster file: YAML, or CSV (.csv)')
      .addOption(new Option('--format <format>', 'text or json (default: text, json with --json)').choices(['text', 'json']));
    addCsvOptions(command);
  },
  async run(context, { args, options }) {
    const mod = await access();
    const { file, live } = await readRosterAndLive(context, mod, String(args[0]), options);
    // Drift is reported whatever its size: the removal guard is for applying, not for looking.
    const report = mod.driftOf(await planning(mod, () => Promise.resolve(mod.planRoster(file, live, { allowMassRemoval: true }))));
    const json = options.format === 'json' || (options.format === undefined && context.globals.json);
    await context.out.data(json ? `${JSON.stringify(report, null, 2)}\n` : mod.formatDrift(report, { color: context.out.color.isColorSupported }));
    return changesExit(mod.hasDrift(report));
  },
};
