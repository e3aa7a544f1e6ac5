import { parseRosterCsv, parseRosterCsvAsync, type CsvRosterOptions } from './csv-file.js';
import type { RosterFile } from './model.js';
import { parseRosterYaml } from './yaml-file.js';

const isCsv = (fileName: string) => /\.csv$/i.test(fileName);

/**
 * Parses a roster file, YAML or CSV by its name (`.csv` is CSV, anything else YAML).
 * `csv` gives a CSV file the settings YAML writes at its top.
 * @throws {@link RosterFileError} listing every problem with its line and column.
 * @example
 * ```ts
 * const file = parseRosterFile(await readFile('roster.yaml', 'utf8'), 'roster.yaml');
 * ```
 */
export function parseRosterFile(text: string, fileName: string, csv: CsvRosterOptions = {}): RosterFile {
  return isCsv(fileName) ? parseRosterCsv(text, fileName, csv) : parseRosterYaml(text, fileName);
}

/**
 * {@link parseRosterFile}, yielding to the event loop between chunks of a CSV file, so that
 * other work (a listing of the workspace) proceeds meanwhile.
 * @throws {@link RosterFileError} listing every problem with its line and column.
 */
export async function parseRosterFileAsync(text: string, fileName: string, csv: CsvRosterOptions = {}): Promise<RosterFile> {
  return isCsv(fileName) ? parseRosterCsvAsync(text, fileName, csv) : parseRosterYaml(text, fileName);
}

/** True when a member lists groups: the live state must then be read with group membership. */
export function usesGroups(file: RosterFile): boolean {
  return file.members.some((member) => member.groups !== undefined);
}

/**
 * Whether a roster file's text may list groups, told before parsing it (a CSV header with a
 * groups column, a `groups:` key in YAML). It may say yes wrongly, never no wrongly: it lets
 * the listing start, with or without groups, while the file is parsed.
 */
export function mayUseGroups(text: string, fileName: string): boolean {
  if (isCsv(fileName)) return /\bgroups?\b/i.test(text.split(/\r\n|\r|\n/, 1)[0] ?? '');
  return /(^|[\s{,])["']?groups["']?\s*:/m.test(text);
}
