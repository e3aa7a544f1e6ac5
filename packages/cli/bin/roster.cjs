#!/usr/bin/env node
// The installed command. It only loads the build, so that pnpm can link the command in a
// fresh checkout before anything is built (a bin pointing into dist/ would not exist yet).
// CommonJS on purpose: Node starts a CommonJS file faster than an ES module.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../dist/bin.cjs');
