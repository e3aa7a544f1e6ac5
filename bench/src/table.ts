// Plain-text tables for the terminal and the README.

/** Formats a number with `digits` significant decimals, dropping them for large values. */
export function num(value: number | undefined, digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  return value.toFixed(digits);
}

/** `value unit (ratio×)`. */
export function cell(value: number | undefined, ratio: number | undefined, unit: string, digits = 1): string {
  return `${num(value, digits)} ${unit} (${ratio === undefined || !Number.isFinite(ratio) ? 'n/a' : `${ratio.toFixed(2)}×`})`;
}

/** `value unit (ratio×)`, the ratio being `value / floor`. */
export function withRatio(value: number | undefined, floor: number | undefined, unit: string, digits = 1): string {
  return cell(value, value !== undefined && floor !== undefined && floor > 0 ? value / floor : undefined, unit, digits);
}

/** A Markdown table (also readable as plain text), columns padded to line up. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
