// Shell completion, with @bomb.sh/tab: `roster completion <shell>` prints a script that asks
// `roster complete -- <words>` for the candidates, so that completion always matches the
// installed version's commands and options.
import { Option, type Command } from 'commander';
import type { CommandContext, CommandSpec } from '../command.js';
import { ExitCode } from '../exit-codes.js';

const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

// Loaded on demand: completion scripts are generated rarely and completions asked for on TAB,
// never by the other commands. tab adds its own `completion` and `complete` commands to the
// program it reads, so it reads a second copy of the program built without these two.
async function completer(context: CommandContext) {
  const [{ default: tab }, { buildProgram }, { COMMANDS }] = await Promise.all([
    import('@bomb.sh/tab/commander'),
    import('../program.js'),
    import('./index.js'),
  ]);
  const others = COMMANDS.filter((spec) => spec.path[0] !== 'completion' && spec.path[0] !== 'complete');
  const program = buildProgram(context.out, () => context, { exitCode: ExitCode.OK }, others);
  // A candidate is one line: offer the one-line summaries, not the long descriptions.
  const oneLine = (command: Command) => {
    command.description(command.summary() || command.description().split('\n')[0] || '');
    command.commands.forEach(oneLine);
  };
  oneLine(program);
  return tab(program, { completionCommandName: 'completion' });
}

/** `roster completion bash|zsh|fish|powershell`: the completion script for a shell. */
export const completion: CommandSpec = {
  path: ['completion'],
  summary: 'print the shell completion script (bash, zsh, fish, powershell)',
  description: 'Prints a script that completes roster commands, options and choices. Load it from your shell profile.',
  examples: ['echo \'source <(roster completion bash)\' >> ~/.bashrc', 'roster completion zsh > "${fpath[1]}/_roster"'],
  configure(command) {
    command.addArgument(command.createArgument('<shell>', 'the shell').choices(SHELLS));
  },
  async run(context, { args }) {
    const shell = String(args[0]);
    const chunks: string[] = [];
    // tab writes the script with console.log: collect it and write it through the CLI's stdout.
    const log = console.log;
    console.log = (...parts: unknown[]) => void chunks.push(`${parts.map(String).join(' ')}\n`);
    try {
      (await completer(context)).setup('roster', 'roster', shell);
    } finally {
      console.log = log;
    }
    await context.out.data(chunks.join(''));
  },
};

/** `roster complete -- <words>`: what the completion scripts call on TAB (hidden from help). */
export const complete: CommandSpec = {
  path: ['complete'],
  summary: 'print completions for the words given after --',
  hidden: true,
  configure(command) {
    command.argument('[words...]', 'the command line so far').allowUnknownOption().helpOption(false).addOption(new Option('--no-color').hideHelp());
  },
  async run(context, { args }) {
    const words = (args[0] as string[] | undefined) ?? [];
    const chunks: string[] = [];
    const log = console.log;
    console.log = (...parts: unknown[]) => void chunks.push(`${parts.map(String).join(' ')}\n`);
    try {
      (await completer(context)).parse(words);
    } finally {
      console.log = log;
    }
    await context.out.data(chunks.join(''));
  },
};
