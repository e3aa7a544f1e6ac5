#!/usr/bin/env node
// The installed command. It only loads the build, so that pnpm can link the command in a
// fresh checkout before anything is built (a bin pointing into dist/ would not exist yet).
import '../dist/bin.js';
