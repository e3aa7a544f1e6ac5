import { Option } from 'commander';
import { UsageError } from './errors.js';
import type { Output } from './output.js';

/** The formats of data on stdout. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;
/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** A record as written: field name to a string, number, boolean or null. */
export type DataRecord = Readonly<Record<string, string | number | boolean | null>>;

/** The `--format` option, for commands that write records. */
export function formatOption(formats: readonly Format[] = FORMATS): Option {
  return new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(formats);
}

/** The `--fields` option: which fields, in which order. */
export function fieldsOption(all: readonly string[]): Option {
  return new Option('--fields <list>', `comma-separated fields to write, out of ${all.join(',')}`);
}

/** The format asked for: `--format`, else JSON with `--json`, else a table on a terminal and JSON otherwise. */
export function chooseFormat(out: Output, format: unknown, json: boolean): Format {
  if (typeof format === 'string') return format as Format;
  if (json) return 'json';
  return out.stdoutIsTerminal ? 'table' : 'json';
}

/** Parses `--fields a,b,c` against the known fields. @throws UsageError for an unknown field. */
export function chooseFields(value: unknown, all: readonly string[], fallback: readonly string[]): readonly string[] {
  if (typeof value !== 'string') return fallback;
  const fields = value.split(',').map((field) => field.trim()).filter(Boolean);
  const unknown = fields.filter((field) => !all.includes(field));
  if (fields.length === 0 || unknown.length > 0) {
    throw new UsageError(`unknown field${unknown.length === 1 ? '' : 's'} in --fields: ${unknown.join(', ') || '(none given)'}`, `choose among ${all.join(', ')}`);
  }
  return fields;
}

// Plain loops: this runs once per record, 100,000 times for a large workspace. A record that
// already has exactly the fields, in order and none undefined (every user record written with
// the default fields), is serialised as it is: a copy of each would be a quarter of the time
// JSON output takes.
function pick(record: DataRecord, fields: readonly string[]): DataRecord {
  let i = 0;
  let exact = true;
  for (const key in record) {
    if (key !== fields[i] || record[key] === undefined) {
      exact = false;
      break;
    }
    i += 1;
  }
  if (exact && i === fields.length) return record;
  const picked: Record<string, string | number | boolean | null> = {};
  for (const field of fields) picked[field] = record[field] ?? null;
  return picked;
}

/**
 * The records as JSON objects, one a line: `before`, the objects separated by `between`, `after`.
 * One JSON.stringify of the whole chunk, then split: V8 serialises an array of flat objects
 * about twice as fast as it does one call per object. The split is exact because a record's
 * values are strings, numbers, booleans or null: outside a string `{"` starts a record, and
 * inside one every `"` is escaped, so `},{"` occurs only between two records.
 */
function jsonLines(chunk: readonly DataRecord[], fields: readonly string[], between: string, before: string, after: string): string {
  const array = JSON.stringify(chunk.map((record) => pick(record, fields)));
  return `${before}${array.slice(1, -1).replaceAll('},{"', `}${between}{"`)}${after}`;
}

// Records go out in chunks: one write per record would cost a syscall each on 100,000 users.
const CHUNK = 2000;

/**
 * Records as a command has them: an array, or pages (arrays) arriving one by one. Pages, not
 * single records: iterating 100,000 records one `await` at a time costs more than the request.
 */
export type Records = readonly DataRecord[] | AsyncIterable<readonly DataRecord[]>;

/**
 * Writes records to stdout in a format. Machine formats are stable: the fields given, in
 * that order, `null` for a missing value (empty in CSV); JSON is one array, NDJSON one
 * object per line. A table (for people) aligns columns and shows `-` for a missing value.
 */
export async function writeRecords(out: Output, records: Records, format: Format, fields: readonly string[]): Promise<number> {
  const pages: AsyncIterable<readonly DataRecord[]> | Iterable<readonly DataRecord[]> = Symbol.asyncIterator in records ? records : [records];
  let count = 0;
  if (format === 'table') {
    const rows: string[][] = [];
    for await (const page of pages) for (const record of page) rows.push(fields.map((field) => display(record[field])));
    count = rows.length;
    await out.data(table(out, fields, rows));
    return count;
  }
  // Loaded here, not at the top: `roster --help` should not read a CSV writer.
  const { stringify } = format === 'csv' ? await import('csv-stringify/sync') : { stringify: undefined };
  const write = async (chunk: readonly DataRecord[]) => {
    const first = count === 0;
    count += chunk.length;
    let text: string;
    if (stringify) text = stringify(chunk.map((record) => fields.map((field) => record[field] ?? '')), { header: first, columns: [...fields] });
    else text = jsonLines(chunk, fields, format === 'ndjson' ? '\n' : ',\n  ', format === 'ndjson' ? '' : first ? '[\n  ' : ',\n  ', format === 'ndjson' ? '\n' : '');
    await out.data(text);
  };
  for await (const page of pages) {
    for (let start = 0; start < page.length; start += CHUNK) await write(page.slice(start, start + CHUNK));
  }
  if (format === 'json') await out.data(count === 0 ? '[]\n' : '\n]\n');
  else if (stringify && count === 0) await out.data(stringify([], { header: true, columns: [...fields] }));
  return count;
}

function display(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  return String(value);
}

/** Aligned columns without borders, as gh and kubectl print them; the header dimmed on a terminal. */
function table(out: Output, fields: readonly string[], rows: readonly string[][]): string {
  // Hand-written: a dozen lines give what a table library would, without its weight at start-up.
  const headers = fields.map((field) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase());
  const widths = headers.map((header, i) => rows.reduce((max, row) => Math.max(max, row[i]?.length ?? 0), header.length));
  const line = (cells: readonly string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const head = out.color.bold(line(headers));
  return `${[head, ...rows.map(line)].join('\n')}\n`;
}
