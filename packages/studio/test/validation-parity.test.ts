// The page checks invitations before sending them, with the SDK's messages. The SDK keeps its
// checks internal, so the page has its own copy: this test feeds both the same inputs and
// fails on the first difference, so the two cannot drift apart.
import { Roster, ValidationError } from '@roster/users';
import { describe, expect, it } from 'vitest';
import { inviteIssues } from '../app/src/validate.js';

// No request is ever sent: every input here fails validation before the transport is used.
const roster = new Roster({ apiEndpoint: 'http://127.0.0.1:9/graphql', apiKey: 'key', apiSecret: 'not-a-real-secret' });

const INPUTS: { email: unknown; accountType: unknown }[] = [
  { email: 'not-an-email', accountType: 'ADMIN' },
  { email: 'ada@acme', accountType: 'DEVELOPER' },
  { email: 'a b@acme.io', accountType: 'DEVELOPER' },
  { email: '', accountType: '' },
  { email: 'ada@acme.io', accountType: 'OWNER' },
  { email: 'ada@acme.io', accountType: 'admin' },
  { email: `${'a'.repeat(250)}@acme.io`, accountType: 'ANALYST' },
  { email: 42, accountType: null },
  { email: 'ada@@acme.io', accountType: 'SANDBOX_USER' },
];

describe('the page checks invitations as the SDK does', () => {
  it.each(INPUTS)('$email / $accountType', async (input) => {
    const error = await roster.users.invite(input as never).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(inviteIssues(input)).toEqual((error as ValidationError & { issues: unknown }).issues);
  });

  it('accepts what the SDK accepts', () => {
    for (const email of ['ada@acme.io', 'Ada.Lovelace+ops@mail.acme.co.uk']) expect(inviteIssues({ email, accountType: 'ADMIN' })).toEqual([]);
  });
});
