// `roster --help`, the first thing people and scripts run, is printed by dist/bin.cjs from
// text that the build renders with the real program (scripts/render-help.mjs writes
// dist/help.txt), so that it loads neither the parser nor the command definitions. The text
// is what commander prints at HELP_WIDTH columns; commander never renders help wider than
// that (see program.ts), so the same text is right on a pipe and on any terminal at least
// that wide. A narrower terminal, or a build without the file, gets the help from commander
// itself, which wraps what it renders to the terminal (down to about 66 columns, below which
// it stops wrapping); the text written by hand for 80 columns is printed as written.

/** The width commander renders help at: the terminal's width when that is narrower. */
export const HELP_WIDTH = 80;

/** The file, next to dist/bin.cjs, holding the rendered `roster --help`. */
export const HELP_FILE = 'help.txt';

/** The command lines that print the top-level help. */
export function asksForHelp(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help');
}
