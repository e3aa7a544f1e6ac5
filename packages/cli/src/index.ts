export { run, type RunOptions } from './run.js';
export { ExitCode } from './exit-codes.js';
export type { Io, InputStream, OutputStream } from './io.js';
