/**
 * `@roster/access/node`: everything in `@roster/access`, plus reading a roster file from disk.
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CsvRosterOptions } from './csv-file.js';
import type { RosterFile } from './model.js';
import { parseRosterFile } from './roster-file.js';

export * from './index.js';

/**
 * Reads and parses a roster file from disk, YAML or CSV by its extension; errors name the
 * file as given.
 * @throws {@link RosterFileError} for an invalid file; the `fs` error when it cannot be read.
 * @example
 * ```ts
 * const file = await readRosterFile('roster.yaml');
 * ```
 */
export async function readRosterFile(file: string, csv: CsvRosterOptions = {}): Promise<RosterFile> {
  const text = await readFile(file, 'utf8');
  return parseRosterFile(text, path.basename(file) === file ? file : path.relative(process.cwd(), file) || file, csv);
}
