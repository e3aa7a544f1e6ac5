#!/usr/bin/env node
// Adds up the vitest results every package wrote (`.vitest/results.json`) into one closing
// line, `N passed, N failed, N skipped`, so that a CI log says at a glance what ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of ['packages', 'apps', 'bench', 'tools']) {
  const base = path.join(root, dir);
  if (!existsSync(base)) continue;
  // bench/ and tools/ are one package each; packages/ and apps/ hold many.
  const many = dir === 'packages' || dir === 'apps';
  const candidates = many ? readdirSync(base).map((name) => path.join(base, name)) : [base];
  for (const pkg of candidates) {
    const file = path.join(pkg, '.vitest/results.json');
    if (!existsSync(file)) continue;
    const result = JSON.parse(readFileSync(file, 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + result.numTodoTests;
    rows.push(`  ${path.relative(root, pkg).padEnd(20)} ${result.numPassedTests} passed, ${result.numFailedTests} failed`);
  }
}
console.log(rows.join('\n'));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
