import { describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo.js';

describe('pnpm demo', () => {
  it('walks through every method and ends with the expected workspace', async () => {
    const lines: string[] = [];
    await runDemo((text) => lines.push(text));
    const output = lines.join('\n');
    for (const method of ['listActive', 'listInvited', 'getByEmail', 'invite', 'updateAccountType', 'disable', 'inviteMany']) {
      expect(output).toContain(`roster.users.${method}(`);
    }
    for (const error of ['ValidationError', 'NotFoundError', 'PreconditionError', 'PermissionError']) {
      expect(output).toContain(`✗ ${error}`);
    }
    const after = output.slice(output.lastIndexOf('the workspace after'), output.indexOf('Beyond the documented API'));
    expect(after).toMatch(/Matt McDonald\s+matt@acme\.io\s+ANALYST/);
    expect(after).not.toContain('jonny@acme.io');
    for (const email of ['ada@acme.io', 'grace@acme.io', 'linus@acme.io', 'barbara@acme.io']) expect(after).toContain(email);
    expect(after).not.toMatch(/Grace@Acme\.io/);
    expect(output).toMatch(/2 rate-limited requests were retried/);
    for (const method of ['features', 'listPage', 'update', 'enable', 'listGroups', 'listWorkspaces', 'revokeInvite']) {
      expect(output).toContain(`roster.users.${method}(`);
    }
    expect(output).toContain('roster.groups.addUser(');
    expect(output).toMatch(/extension: yes/);
    expect(output).toMatch(/✓ Matthew McDonald, updated \d{4}-/);
    expect(output).toMatch(/✗ HttpError \[HTTP_ERROR\]: HTTP error in DisableUser \(HTTP 404\): .*is apiEndpoint the GraphQL endpoint/);
    // It ends by saying where its code is and how to point it at a real API.
    const end = output.slice(output.lastIndexOf('Done.'));
    expect(end).toContain('apps/demo/src/demo.ts');
    for (const name of ['ROSTER_API_ENDPOINT', 'ROSTER_API_KEY', 'ROSTER_API_SECRET', 'Roster.fromEnv()']) expect(end).toContain(name);
    expect(end.trimEnd().endsWith('secrets redacted.')).toBe(true);
  });
});
