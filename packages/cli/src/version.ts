import manifest from '../package.json' with { type: 'json' };

/** The version of `@roster/cli`, from its package.json (inlined by the bundler). */
export const VERSION: string = manifest.version;
