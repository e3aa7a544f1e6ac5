/** Renders rows as a plain-text table with a header and aligned columns. */
export function table<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  if (rows.length === 0) return '  (none)';
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const render = (line: readonly string[]) => `  ${line.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [render(columns), render(widths.map((width) => '-'.repeat(width))), ...cells.map(render)].join('\n');
}

/** The first characters of a uid, enough to tell users apart in a table. */
export const shortUid = (uid: string): string => `${uid.slice(0, 8)}…`;
