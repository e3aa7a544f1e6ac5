/**
 * `@roster/access/node`: everything in `@roster/access`, plus reading a roster file from disk.
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Roster } from '@roster/users';
import type { CsvRosterOptions } from './csv-file.js';
import { readLiveState, type ReadLiveOptions } from './live.js';
import type { LiveState, RosterFile } from './model.js';
import { mayUseGroups, parseRosterFileAsync, usesGroups } from './roster-file.js';

export * from './index.js';

const shown = (file: string) => (path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file);

/**
 * Reads and parses a roster file from disk, YAML or CSV by its extension; errors name the
 * file as given (relative to the working directory).
 * @throws {@link RosterFileError} for an invalid file; the `fs` error when it cannot be read.
 * @example
 * ```ts
 * const file = await readRosterFile('roster.yaml');
 * ```
 */
export async function readRosterFile(file: string, csv: CsvRosterOptions = {}): Promise<RosterFile> {
  return parseRosterFileAsync(await readFile(file, 'utf8'), shown(file), csv);
}

/** Options of {@link readRosterAndLive}: those of {@link readLiveState} but `groups`, which the file decides. */
export interface ReadRosterAndLiveOptions extends Omit<ReadLiveOptions, 'groups'> {
  /** The settings of a CSV roster file. */
  readonly csv?: CsvRosterOptions | undefined;
}

/** What {@link readRosterAndLive} reads. */
export interface RosterAndLive {
  /** The roster file, parsed and checked. */
  readonly file: RosterFile;
  /** The live workspace. */
  readonly live: LiveState;
}

/**
 * Reads a roster file and the live workspace at the same time: the file is parsed while the
 * listing waits on the server, so a large file costs little more than the listing itself.
 * @throws {@link RosterFileError} for an invalid file; `RosterError` subclasses of the listing.
 * @example
 * ```ts
 * const { file, live } = await readRosterAndLive(roster, 'roster.yaml');
 * const plan = planRoster(file, live);
 * ```
 */
export async function readRosterAndLive(roster: Roster, file: string, options: ReadRosterAndLiveOptions = {}): Promise<RosterAndLive> {
  const { csv, ...call } = options;
  const text = await readFile(file, 'utf8');
  const groups = mayUseGroups(text, file);
  // A file that cannot be used stops the listing: nothing would read what it lists.
  const stop = new AbortController();
  const signal = call.signal ? AbortSignal.any([call.signal, stop.signal]) : stop.signal;
  const listing = readLiveState(roster, { ...call, signal, groups });
  // A failed parse must not leave the listing's rejection unhandled.
  listing.catch(() => undefined);
  let parsed: RosterFile;
  try {
    parsed = await parseRosterFileAsync(text, shown(file), csv);
  } catch (error) {
    stop.abort();
    throw error;
  }
  const live = await listing;
  // mayUseGroups never says no wrongly; this is a safety net should it ever.
  if (usesGroups(parsed) && live.groups === null && live.extension) return { file: parsed, live: await readLiveState(roster, { ...call, groups: true }) };
  return { file: parsed, live };
}
