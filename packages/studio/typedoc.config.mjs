// Read by typedoc when the root `pnpm run docs` converts this package; it has no documentation
// exceptions (see the root typedoc.config.mjs).
export default {};
