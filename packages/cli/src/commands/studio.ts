import type { CommandSpec } from '../command.js';
import { CliError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/** The port `roster studio` listens on unless `--port` says otherwise. */
const DEFAULT_PORT = 5555;

function parsePort(value: unknown): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new CliError(`--port must be a port number from 0 to 65535, got '${String(value)}'`, { code: 'USAGE', exitCode: ExitCode.USAGE });
  }
  return port;
}

/** `roster studio`: serves Roster Studio, the local admin page, until Ctrl+C. */
export const studio: CommandSpec = {
  path: ['studio'],
  summary: 'open Roster Studio, a local admin page for the members of the workspace',
  description:
    'Serves Roster Studio on 127.0.0.1 and opens it in the default browser. The page talks to this process, which adds the ' +
    'credentials: the secret never reaches the browser. The printed URL carries a random token for this launch only: ' +
    'keep it to yourself. Runs until Ctrl+C.',
  examples: ['roster studio', 'roster studio --port 6000 --no-open', 'ROSTER_PROFILE=staging roster studio'],
  configure(command) {
    command.option('--port <port>', `the port on 127.0.0.1 (0 picks a free one)`, String(DEFAULT_PORT)).option('--no-open', 'print the URL without opening a browser');
  },
  async run(context, input) {
    const port = parsePort(input.options.port ?? DEFAULT_PORT);
    const roster = await context.roster();
    // Loaded only here: the studio carries its prebuilt page, which nothing else needs.
    const { startStudio } = await import('@roster/studio');
    let server: Awaited<ReturnType<typeof startStudio>>;
    try {
      server = await startStudio({ roster, port, open: input.options.open !== false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new CliError(`port ${port} is taken`, { code: 'PORT_IN_USE', hint: 'pass --port with another port, or --port 0 for any free one' });
      }
      throw error;
    }
    const signal = context.signal;
    await context.out.data(`${server.url}\n`);
    context.out.info(`Roster Studio for ${roster.client.endpoint} at ${server.origin}: the URL above opens it (it carries this launch's token).`);
    if (input.options.open !== false && !server.opened) context.out.warn('could not open a browser: open the URL above yourself');
    context.out.info('Press Ctrl+C to stop.');
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    return ExitCode.OK;
  },
};
