/**
 * `@roster/access`: access as code. Parse a reviewed roster file (YAML or CSV), read the
 * live workspace (every page), plan the changes, apply them safely, report drift, and dump
 * a workspace as a roster file. Nothing here needs Node: file reading from disk is in
 * `@roster/access/node`.
 * @packageDocumentation
 */
export * from './planner.js';
export { parseRosterFile, parseRosterFileAsync, usesGroups, mayUseGroups } from './roster-file.js';
export { parseRosterYaml } from './yaml-file.js';
export { parseRosterCsv, parseRosterCsvAsync, type CsvRosterOptions } from './csv-file.js';
export { ROLES } from './members.js';
export { readLiveState, type ReadLiveOptions } from './live.js';
export { applyPlan, type ApplyOptions, type ApplyResult, type ActionOutcome, type ActionError } from './apply.js';
export { dumpRoster, ROSTER_FILE_SCHEMA_URL, type DumpOptions } from './dump.js';
