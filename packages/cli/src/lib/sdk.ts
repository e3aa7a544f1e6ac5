// The SDK, loaded on first use: `roster --version` and `--help` never evaluate it.
import type * as Sdk from '@roster/users';

/** The `@roster/users` module. */
export type SdkModule = typeof Sdk;

let loaded: Promise<SdkModule> | undefined;

/** Loads `@roster/users` once. */
export function sdk(): Promise<SdkModule> {
  loaded ??= import('@roster/users');
  return loaded;
}
