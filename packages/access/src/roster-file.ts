import { parseRosterCsv, type CsvRosterOptions } from './csv-file.js';
import type { RosterFile } from './model.js';
import { parseRosterYaml } from './yaml-file.js';

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
  return /\.csv$/i.test(fileName) ? parseRosterCsv(text, fileName, csv) : parseRosterYaml(text, fileName);
}

/** True when a member lists groups: the live state must then be read with group membership. */
export function usesGroups(file: RosterFile): boolean {
  return file.members.some((member) => member.groups !== undefined);
}
