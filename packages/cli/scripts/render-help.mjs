#!/usr/bin/env node
// Renders `roster --help` into dist/help.txt after the build, with the built program itself
// (run() of dist/index.cjs, output not a terminal, so at the width help is capped to), for
// dist/bin.cjs to print without loading the parser. See src/help.ts.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { Writable } from 'node:stream';

const dist = path.resolve(import.meta.dirname, '../dist');
const { run } = createRequire(import.meta.url)(path.join(dist, 'index.cjs'));

let text = '';
const stdout = new Writable({
  write(chunk, _encoding, done) {
    text += chunk.toString();
    done();
  },
});
const errors = [];
const stderr = new Writable({
  write(chunk, _encoding, done) {
    errors.push(chunk.toString());
    done();
  },
});
const io = { stdout, stderr, stdin: process.stdin, env: {}, terminals: { stdin: false, stdout: false, stderr: false } };
const code = await run(['--help'], { io });
if (code !== 0 || errors.length > 0 || !text.startsWith('Usage: roster')) {
  process.stderr.write(`render-help: roster --help exited with ${code}:\n${errors.join('')}${text}\n`);
  process.exit(1);
}
writeFileSync(path.join(dist, 'help.txt'), text);
