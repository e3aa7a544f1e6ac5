// `roster --help`, the first thing people and scripts run, is printed by dist/bin.cjs from
// text that the build renders with the real program (scripts/render-help.mjs writes
// dist/help.txt), so that it loads neither the parser nor the command definitions. The text
// is what commander prints at HELP_WIDTH columns; help is never wider than that (see
// program.ts), so the same text is right on a pipe and on any terminal at least that wide.
// A narrower terminal, or a build without the file, gets the help from commander itself.

/** The widest help `roster` prints, in columns: narrower only on a narrower terminal. */
export const HELP_WIDTH = 80;

/** The file, next to dist/bin.cjs, holding the rendered `roster --help`. */
export const HELP_FILE = 'help.txt';

/** The command lines that print the top-level help. */
export function asksForHelp(argv: readonly string[]): boolean {
  return argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help');
}
