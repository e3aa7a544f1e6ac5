// The `roster` process: runs the command line with the process's streams. Ctrl+C ends it at
// once, unless the running command takes hold of the abort signal (an import then stops
// cleanly and writes its report); a second Ctrl+C always ends it.
import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';
import { VERSION } from './version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // Scripts call `roster --version` to check the install: answer it without loading the parser.
  processIo().writeStdoutNow?.(`${VERSION}\n`);
} else {
  const controller = new AbortController();
  let signalUsed = false;
  process.on('SIGINT', () => {
    if (!signalUsed || controller.signal.aborted) process.exit(ExitCode.INTERRUPTED);
    controller.abort();
  });
  void import('./run.js')
    .then(({ run }) => run(argv, { signal: controller.signal, onSignalUsed: () => (signalUsed = true) }))
    .then((code) => {
      process.exitCode = controller.signal.aborted ? ExitCode.INTERRUPTED : code;
    });
}
