// Read by typedoc when the root `pnpm run docs` converts this package (see the root
// typedoc.config.mjs). `@roster/access/node` adds reading files from disk to the main entry,
// so both are documented; `@roster/access/planner` is a subset of the main entry.
export default { entryPoints: ['src/index.ts', 'src/node.ts'] };
