// Read by typedoc when the root `pnpm run docs` converts this package: this package's
// documentation exceptions. They are defined, with the reason for each, in the root
// typedoc.config.mjs (the `packages` strategy takes per-package options only from here).
import { packageExceptions } from '../../typedoc.config.mjs';

export default packageExceptions.users ?? {};
