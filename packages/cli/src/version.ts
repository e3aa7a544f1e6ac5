// Replaced by the bundler with the version of package.json (see tsup.config.ts).
declare const __ROSTER_CLI_VERSION__: string;

/** The version of `@roster/cli`. */
export const VERSION: string = __ROSTER_CLI_VERSION__;
