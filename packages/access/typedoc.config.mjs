// Read by typedoc when the root `pnpm run docs` converts this package (see the root
// typedoc.config.mjs): this package has no documentation exceptions.
export default {};
