// The `roster` process once dist/bin.cjs has handed over (everything but the version and the
// top-level help): runs the command line with the process's streams. Ctrl+C ends it at
// once, unless the running command takes hold of the abort signal (an import then stops
// cleanly and writes its report); a second Ctrl+C always ends it.
import { ExitCode } from './exit-codes.js';
import type { Io } from './io.js';
import { run } from './run.js';

/** Runs `roster …argv` as the process, and sets its exit code. */
export async function main(argv: readonly string[], io: Io): Promise<void> {
  const controller = new AbortController();
  let signalUsed = false;
  process.on('SIGINT', () => {
    if (!signalUsed || controller.signal.aborted) process.exit(ExitCode.INTERRUPTED);
    controller.abort();
  });
  const code = await run(argv, { io, signal: controller.signal, onSignalUsed: () => (signalUsed = true) });
  process.exitCode = controller.signal.aborted ? ExitCode.INTERRUPTED : code;
}
