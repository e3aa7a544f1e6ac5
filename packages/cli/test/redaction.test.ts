import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { roster, useServer } from './helpers.js';

// A secret that every output format escapes: JSON turns `"` and `\` into `\"` and `\\`
// (and may write `/` as `\/`), CSV doubles `"`. The server echoes it back in error messages;
// none of its forms may reach stdout, stderr or a file the CLI writes.
const SECRET = 'sk/"quoted"\\back/slash-9f2';
const KEY = 'redaction-test-key';

const dir = mkdtempSync(path.join(tmpdir(), 'roster-cli-redaction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string, text?: string) => {
  const where = path.join(dir, name);
  if (text !== undefined) writeFileSync(where, text);
  return where;
};

const ctx = useServer({ seed: 'example', credentials: [{ kind: 'keyPair', apiKey: KEY, apiSecret: SECRET, capability: 'admin' }] });
const run = (args: string[]) => roster(args, { env: { ROSTER_API_ENDPOINT: ctx.server.url, ROSTER_API_KEY: KEY, ROSTER_API_SECRET: SECRET }, cwd: dir });

/** Every form the secret can take once formatted, and its recognisable pieces. */
const FORMS = [SECRET, JSON.stringify(SECRET).slice(1, -1), JSON.stringify(SECRET).slice(1, -1).replaceAll('/', '\\/'), SECRET.replaceAll('"', '""'), 'quoted', 'back/slash'];
function expectClean(text: string, where: string): void {
  for (const form of FORMS) expect(text.includes(form), `${where} holds ${form}:\n${text}`).toBe(false);
}
const nameIsSecret = () => {
  const user = ctx.server.store.getByEmail('matt@acme.io')!;
  ctx.server.store.updateUser(user.uid, { name: SECRET });
};

describe('no form of a secret in any output', () => {
  it('scrubs a secret the server sends back as data from JSON and CSV on stdout, and from dump -o', async () => {
    nameIsSecret();
    const json = await run(['users', 'list', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('[redacted]');
    const csv = await run(['users', 'list', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('[redacted]');
    const dump = await run(['dump', '-o', at('roster.yaml')]);
    expect(dump.code, dump.stderr).toBe(0);
    const file = readFileSync(at('roster.yaml'), 'utf8');
    expect(file).toContain('[redacted]');
    for (const [where, text] of [['list json', json.stdout], ['list csv', csv.stdout], ['stderr', json.stderr + csv.stderr + dump.stderr], ['roster.yaml', file]] as const) expectClean(text, where);
  });

  it('scrubs the --result file of apply and the plan -o file', async () => {
    const planned = await run(['plan', at('one.yaml', 'members:\n  - { email: p-1@acme.io, role: ANALYST }\n'), '-o', at('plan.json')]);
    expect(planned.code, planned.stderr).toBe(2);
    // A plan that names the secret (pasted by mistake), applied: its outcome names it too.
    const plan = JSON.parse(readFileSync(at('plan.json'), 'utf8')) as { actions: { email: string }[] };
    plan.actions[0]!.email = `${SECRET}@acme.io`;
    const result = await run(['apply', at('edited.json', JSON.stringify(plan)), '--yes', '--result', at('result.json')]);
    expect(result.stderr).toMatch(/Apply (complete|incomplete)/);
    const file = readFileSync(at('result.json'), 'utf8');
    expect(file).toContain('[redacted]');
    for (const [where, text] of [['stdout', result.stdout], ['stderr', result.stderr], ['result.json', file]] as const) expectClean(text, where);
    // plan -o goes through the same scrub: a name never reaches a plan, so nothing to redact, but it is written whole.
    expect(readFileSync(at('plan.json'), 'utf8')).toContain('"format": "roster-plan/v1"');
  });

  it('scrubs the CSV --report of an import and its warnings', async () => {
    const csv = at('people.csv', `email,role\n"${SECRET.replaceAll('"', '""')}",analyst\n`);
    const result = await run(['users', 'import', csv, '--report', at('report.csv')]);
    const report = readFileSync(at('report.csv'), 'utf8');
    expect(report).toContain('[redacted]');
    for (const [where, text] of [['stdout', result.stdout], ['stderr', result.stderr], ['report.csv', report]] as const) expectClean(text, where);
  });
});

describe('a short secret', () => {
  const SHORT = 'k/"7';
  const small = useServer({ seed: 'example', credentials: [{ kind: 'keyPair', apiKey: KEY, apiSecret: SHORT, capability: 'admin' }] });

  it('is scrubbed too, in every form', async () => {
    const user = small.server.store.getByEmail('matt@acme.io')!;
    small.server.store.updateUser(user.uid, { name: `name ${SHORT} end` });
    const env = { ROSTER_API_ENDPOINT: small.server.url, ROSTER_API_KEY: KEY, ROSTER_API_SECRET: SHORT };
    const json = await roster(['users', 'list', '--format', 'json'], { env, cwd: dir });
    const csv = await roster(['users', 'list', '--format', 'csv'], { env, cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('name [redacted] end');
    expect(csv.stdout).toContain('name [redacted] end');
    for (const form of [SHORT, 'k\\/\\"7', 'k/\\"7', 'k/""7']) expect(json.stdout + csv.stdout + json.stderr + csv.stderr).not.toContain(form);
  });
});
