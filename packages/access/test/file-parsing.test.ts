import { describe, expect, it } from 'vitest';
import { parseRosterCsv, parseRosterCsvAsync, parseRosterFile, parseRosterYaml, RosterFileError, type FileProblem } from '../src/index.js';
import { rejectionOf } from './helpers.js';

async function problemsOf(parse: () => unknown): Promise<FileProblem[]> {
  const error = await rejectionOf(parse);
  expect(error).toBeInstanceOf(RosterFileError);
  return [...(error as RosterFileError).problems];
}

const yaml = (lines: string[]) => `${lines.join('\n')}\n`;

describe('YAML roster files', () => {
  it('reads members, mode, ignore and resendExpired', () => {
    const file = parseRosterYaml(
      yaml([
        'version: 1',
        'mode: authoritative',
        'ignore: ["breakglass@acme.io", "*@svc.acme.io"]',
        'resendExpired: false',
        'members:',
        '  - email: Ada@Acme.io',
        '    role: ADMIN',
        '    name: Ada Lovelace',
        '    groups: [admins, data-team]',
        '  - { email: grace@acme.io, role: DEVELOPER }',
      ]),
    );
    expect(file).toMatchObject({ mode: 'authoritative', ignore: ['breakglass@acme.io', '*@svc.acme.io'], resendExpired: false });
    expect(file.members.map((m) => [m.email, m.role, m.name, m.groups])).toEqual([
      ['Ada@Acme.io', 'ADMIN', 'Ada Lovelace', ['admins', 'data-team']],
      ['grace@acme.io', 'DEVELOPER', undefined, undefined],
    ]);
    expect(file.members[1]?.source).toEqual({ file: 'roster.yaml', line: 10, column: 5 });
  });

  it('defaults to additive mode, no ignore list, and re-sending expired invitations', () => {
    expect(parseRosterYaml('members: []\n')).toEqual({ mode: 'additive', members: [], ignore: [], resendExpired: true });
  });

  it('names the file, line and column of every problem at once', async () => {
    const problems = await problemsOf(() =>
      parseRosterYaml(
        yaml([
          'members:',
          '  - email: ada@acme.io',
          '    role: ADMIN',
          '  - email: ADA@acme.IO',
          '    role: DEVELOPER',
          '  - email: grace@acme.io',
          '    role: OWNER',
          '  - email: not-an-address',
          '    role: ANALYST',
          '  - email: linus@acme.io',
          '    role: ANALYST',
          '    team: kernel',
        ]),
        'people/roster.yaml',
      ),
    );
    expect(problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['people/roster.yaml', 4, 12],
      ['people/roster.yaml', 7, 11],
      ['people/roster.yaml', 8, 12],
      ['people/roster.yaml', 12, 5],
    ]);
    expect(problems[0]?.message).toMatch(/duplicate email ADA@acme\.IO: already listed at line 2/);
    expect(problems[1]?.message).toMatch(/unknown role "OWNER" \(one of ADMIN, ANALYST/);
    expect(problems[2]?.message).toMatch(/malformed email address "not-an-address"/);
    expect(problems[3]?.message).toMatch(/unknown key 'team'/);
  });

  it('reports syntax errors and duplicate keys with their position', async () => {
    const syntax = await problemsOf(() => parseRosterYaml('members:\n  - email: a@acme.io\n    role: [ADMIN\n'));
    expect(syntax[0]).toMatchObject({ file: 'roster.yaml', line: expect.any(Number), column: expect.any(Number) });
    const duplicate = await problemsOf(() => parseRosterYaml('members:\n  - email: a@acme.io\n    email: b@acme.io\n    role: ADMIN\n'));
    expect(duplicate[0]).toMatchObject({ line: 3, message: "duplicate key 'email' in a member" });
  });

  it('refuses a member that the ignore list also names, a bad mode and a non-list', async () => {
    const problems = await problemsOf(() =>
      parseRosterYaml(yaml(['mode: total', 'ignore: ["*@svc.acme.io"]', 'members:', '  - email: ci@SVC.acme.io', '    role: DEVELOPER'])),
    );
    expect(problems.map((p) => [p.line, p.message.slice(0, 30)])).toEqual([
      [1, "mode must be 'additive' or 'au"],
      [4, 'ci@SVC.acme.io is listed as a '],
    ]);
    expect((await problemsOf(() => parseRosterYaml('- a\n- b\n')))[0]?.message).toMatch(/mapping with `members:`/);
  });
});

describe('CSV roster files', () => {
  it('reads a BOM, CRLF, quoted commas, header aliases, roles in any case and blank lines', () => {
    const text = '\uFEFFE-mail,AccountType,Name,Groups\r\nada@acme.io,admin,"Lovelace, Ada",admins;data-team\r\n\r\ngrace@acme.io,Developer,,\r\n';
    const file = parseRosterCsv(text, 'roster.csv', { mode: 'authoritative', ignore: ['*@svc.acme.io'] });
    expect(file.mode).toBe('authoritative');
    expect(file.members.map((m) => [m.email, m.role, m.name, m.groups, m.source?.line])).toEqual([
      ['ada@acme.io', 'ADMIN', 'Lovelace, Ada', ['admins', 'data-team'], 2],
      ['grace@acme.io', 'DEVELOPER', undefined, [], 4],
    ]);
  });

  it('names the line and column of each bad row', async () => {
    const text = 'email,role\nada@acme.io,ADMIN\nADA@ACME.IO,ANALYST\nbob@acme.io,owner\nbroken,ANALYST\n';
    const problems = await problemsOf(() => parseRosterFile(text, 'team.csv'));
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['team.csv:3:1', 'team.csv:4:2', 'team.csv:5:1']);
  });

  it('keeps line numbers right when a quoted field spans lines', async () => {
    const text = 'email,role,name\nada@acme.io,ADMIN,"Ada\nLovelace"\n\nbob@acme.io,OWNER,Bob\n';
    const problems = await problemsOf(() => parseRosterCsv(text));
    expect(problems.map((p) => [p.line, p.column])).toEqual([[5, 2]]);
    expect(parseRosterCsv('email,role,name\nada@acme.io,ADMIN,"Ada\nLovelace"\n').members[0]).toMatchObject({ name: 'Ada\nLovelace', source: { line: 2 } });
  });

  it('reads mixed line ends, a line end inside quotes as one line, and quotes inside an unquoted field as written', async () => {
    const text = 'email,role,name\r\nada@acme.io,ADMIN,"Ada\r\nLovelace"\nbob@acme.io,ANALYST,Bob "the builder"\rcy@acme.io,developer,\n\n\nbroken,ADMIN,x';
    const problems = await problemsOf(() => parseRosterCsv(text));
    // ada on lines 2-3, bob on 4, cy on 5 (after a lone CR), two blank lines, broken on 8.
    expect(problems.map((p) => [p.line, p.column, p.message.slice(0, 22)])).toEqual([[8, 1, 'malformed email addres']]);
    const file = parseRosterCsv(text.slice(0, text.indexOf('\n\n\n')));
    expect(file.members.map((m) => [m.email, m.role, m.name, m.source?.line])).toEqual([
      ['ada@acme.io', 'ADMIN', 'Ada\r\nLovelace', 2],
      ['bob@acme.io', 'ANALYST', 'Bob "the builder"', 4],
      ['cy@acme.io', 'DEVELOPER', undefined, 5],
    ]);
  });

  it('reads a quoted field with spaces around its quotes, as people write `a, "b, c"`', () => {
    const file = parseRosterCsv('name, email, role\nLovelace,  "ada@acme.io" , ADMIN\n"Hopper, Grace",\t"grace@acme.io",developer\n');
    expect(file.members.map((m) => [m.email, m.role, m.name])).toEqual([
      ['ada@acme.io', 'ADMIN', 'Lovelace'],
      ['grace@acme.io', 'DEVELOPER', 'Hopper, Grace'],
    ]);
    expect(parseRosterCsv('email,role,name\nada@acme.io, ADMIN, "Lovelace, Ada"\n').members[0]?.name).toBe('Lovelace, Ada');
  });

  it('names the line and field of a quote that is never closed, or closed too early', async () => {
    const unclosed = await problemsOf(() => parseRosterCsv('email,role,name\nada@acme.io,ADMIN,Ada\nbob@acme.io,ADMIN,"Bob\ncy@acme.io,ADMIN,Cy\n'));
    expect(unclosed.map((p) => [p.line, p.column])).toEqual([[3, 3]]);
    expect(unclosed[0]?.message).toMatch(/never closed/);
    const early = await problemsOf(() => parseRosterCsv('email,role,name\n"ada@acme.io"x,ADMIN,Ada\n'));
    expect(early.map((p) => [p.line, p.column])).toEqual([[2, 1]]);
    const second = await problemsOf(() => parseRosterCsv('email,role,name\nbob@acme.io,ADMIN, "Bob" "Builder"\n'));
    expect(second.map((p) => [p.line, p.column])).toEqual([[2, 3]]);
    expect(early[0]?.message).toMatch(/closing quote must end its field/);
    // The same from the reader that works in slices.
    const sliced = await rejectionOf(parseRosterCsvAsync('email,role\na@acme.io,ADMIN\n"b@acme.io,ADMIN\n'));
    expect(sliced).toBeInstanceOf(RosterFileError);
    expect((sliced as RosterFileError).problems.map((p) => [p.line, p.column])).toEqual([[3, 1]]);
  });

  it('refuses a file without an email or role column, or with an unknown one', async () => {
    const problems = await problemsOf(() => parseRosterCsv('mail,rol\nada@acme.io,ADMIN\n'));
    expect(problems.map((p) => p.message)).toEqual(['the header has no role column', "unknown column 'rol' (expected email, role, name, groups)"]);
    expect((await problemsOf(() => parseRosterCsv('email,role\n"ada@acme.io,ADMIN\n')))[0]?.line).toBeGreaterThan(0);
  });
});
