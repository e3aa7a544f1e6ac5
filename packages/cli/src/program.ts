import { Command, Option, type CommanderError } from 'commander';
import type { CommandContext, CommandSpec, GlobalOptions } from './command.js';
import { COMMANDS, GROUPS } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { HELP_WIDTH } from './help.js';
import type { Output } from './output.js';
import { VERSION } from './version.js';

// Written at most HELP_WIDTH (80) columns wide, as commander wraps what it renders.
const CREDENTIALS_HELP = `
Credentials, first found wins:
  1. the flags above;
  2. the environment: ROSTER_API_ENDPOINT, ROSTER_API_KEY, ROSTER_API_SECRET,
     ROSTER_WORKSPACE_UID;
  3. a profile file, readable by you alone (chmod 600): $ROSTER_CONFIG, else
     ~/.config/roster/credentials.json, e.g.
     {"default": {"apiEndpoint": "…", "apiKey": "…", "apiSecret": "…"}};
     pick a profile with --profile or ROSTER_PROFILE.
  A secret given with --api-secret is visible to other users in the process
  list: prefer ROSTER_API_SECRET, --api-secret-file <file>, or
  --api-secret-file - to read it from stdin.

Output: data on stdout (a table on a terminal, JSON otherwise; see --format),
progress and errors on stderr. Colour only on a terminal, never with NO_COLOR
or --no-color.

Exit codes: 0 success, 1 failure, 2 changes pending (plan, drift), 3 partial
failure (some rows of an import failed), 64 usage error (bad command line,
missing credentials, a confirmation refused), 130 interrupted.`;

/** Creates the context a command runs with, from the parsed global options. */
export type ContextFactory = (globals: GlobalOptions) => CommandContext;

function globalsOf(command: Command): GlobalOptions {
  const all = command.optsWithGlobals<Record<string, unknown>>();
  const text = (name: string) => (typeof all[name] === 'string' ? all[name] : undefined);
  return {
    apiEndpoint: text('apiEndpoint'),
    apiKey: text('apiKey'),
    apiSecret: text('apiSecret'),
    apiSecretFile: text('apiSecretFile'),
    workspaceUid: text('workspaceUid'),
    profile: text('profile'),
    json: all.json === true,
    color: all.color !== false,
  };
}

function addCommand(program: Command, spec: CommandSpec, state: { exitCode: ExitCode }, makeContext: ContextFactory): void {
  let parent = program;
  for (const word of spec.path.slice(0, -1)) {
    let group = parent.commands.find((candidate) => candidate.name() === word);
    group ??= parent.command(word).summary(GROUPS[word] ?? '').description(GROUPS[word] ?? '');
    parent = group;
  }
  const command = parent.command(spec.path.at(-1) ?? '', { hidden: spec.hidden === true }).summary(spec.summary).description(spec.description ?? spec.summary);
  spec.configure?.(command);
  if (spec.kind === 'mutation' || spec.kind === 'destructive') {
    command.option('--dry-run', 'show what would be sent, and send no change');
  }
  if (spec.kind === 'destructive') {
    command.option('-y, --yes', 'do not ask for confirmation (required when not on a terminal)');
  }
  if (spec.examples?.length) {
    command.addHelpText('after', `\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}`);
  }
  command.action(async (...actionArgs: unknown[]) => {
    // commander passes the positional arguments, then the options, then the command itself.
    const self = actionArgs.at(-1) as Command;
    const context = makeContext(globalsOf(self));
    const code = await spec.run(context, { command: self, args: self.processedArgs as unknown[], options: self.opts<Record<string, unknown>>() });
    state.exitCode = code ?? ExitCode.OK;
  });
}

/**
 * Builds the `roster` program from the registry. Parsing it runs the command; the exit code
 * ends up in `state.exitCode`. Usage errors throw commander's `CommanderError` (see `exitOverride`).
 */
export function buildProgram(out: Output, makeContext: ContextFactory, state: { exitCode: ExitCode }, specs: readonly CommandSpec[] = COMMANDS): Command {
  const program = new Command('roster');
  program
    .description('Manage the members of a workspace: list, find, invite, change roles, disable, import and export.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--api-endpoint <url>', 'the GraphQL endpoint (or ROSTER_API_ENDPOINT)'))
    .addOption(new Option('--api-key <key>', 'the API key of a key pair (or ROSTER_API_KEY)'))
    .addOption(new Option('--api-secret <secret>', 'the API secret or token; visible in the process list, prefer the next one'))
    .addOption(new Option('--api-secret-file <file>', 'read the secret from the first line of a file; - reads stdin'))
    .addOption(new Option('--workspace-uid <uid>', 'the workspace of a company token (or ROSTER_WORKSPACE_UID)'))
    .addOption(new Option('--profile <name>', 'the profile to use from the profile file (or ROSTER_PROFILE)'))
    .option('--json', 'write data and errors as JSON')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR does the same)')
    .addHelpText('after', CREDENTIALS_HELP)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void out.data(text),
      writeErr: (text) => out.stderr.write(out.scrub(text)),
      // commander's defaults read process.stdout to size and colour help: ask the Output, which
      // knows without creating it. Help is rendered HELP_WIDTH columns wide, or the terminal's
      // width when narrower: lines stay readable, and the help rendered at build time is right
      // (help.ts).
      getOutHelpWidth: () => Math.min(HELP_WIDTH, out.stdoutIsTerminal ? (out.stdoutColumns ?? HELP_WIDTH) : HELP_WIDTH),
      getErrHelpWidth: () => Math.min(HELP_WIDTH, out.stderrIsTerminal ? (out.stderr.columns ?? HELP_WIDTH) : HELP_WIDTH),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
      outputError: (text, write) => {
        if (!out.json) return write(out.colorErr.red(text));
        const message = text.replace(/^error: /, '').trim();
        write(`${JSON.stringify({ error: { name: 'UsageError', code: 'USAGE', message, hint: 'see --help', status: null, exitCode: ExitCode.USAGE } })}\n`);
      },
    });
  // Added last: commander copies the settings above (exitOverride, the output) into each command it creates.
  for (const spec of specs) addCommand(program, spec, state, makeContext);
  return program;
}

/** Maps commander's own outcomes (help shown, version printed, usage error) to exit codes. */
export function commanderExitCode(error: CommanderError): ExitCode {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return ExitCode.OK;
  return ExitCode.USAGE;
}
