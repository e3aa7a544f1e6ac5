// The `roster` process's first file, kept small: `roster --version` and `roster --help`, run
// to check an install or to find a command, answer from here; everything else is handed to
// dist/cli.cjs (the parser, the commands), required only then. See help.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { asksForHelp, HELP_FILE, HELP_WIDTH } from './help.js';
import { processIo, type Io } from './io.js';
import { VERSION } from './version.js';

/** Prints the help rendered at build time; false when commander must render it instead. */
function printRenderedHelp(io: Io): boolean {
  let text: string;
  try {
    text = readFileSync(path.join(__dirname, HELP_FILE), 'utf8');
  } catch {
    return false;
  }
  if (!io.terminals?.stdout) return io.writeStdoutNow?.(text) ?? false;
  if ((io.stdout.columns ?? 0) < HELP_WIDTH) return false;
  io.stdout.write(text);
  return true;
}

const argv = process.argv.slice(2);
const io = processIo();
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  io.writeStdoutNow?.(`${VERSION}\n`);
} else if (!(asksForHelp(argv) && printRenderedHelp(io))) {
  void import('./main.js').then(({ main }) => main(argv, io));
}
