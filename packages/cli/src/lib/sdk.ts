// The SDK, loaded on first use: `roster --version` and `--help` never evaluate it.
import type * as Sdk from './sdk-bundle.js';

/** The `@roster/users` module, and the generated documents the CLI sends itself. */
export type SdkModule = typeof Sdk;

let loaded: Promise<SdkModule> | undefined;

/** Loads the SDK once. */
export function sdk(): Promise<SdkModule> {
  loaded ??= import('./sdk-bundle.js');
  return loaded;
}
