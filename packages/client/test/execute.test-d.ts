import { describe, expectTypeOf, it } from 'vitest';
import {
  InviteUserDocument,
  ListActiveUsersDocument,
  type ListActiveUsersQuery,
  type RosterClient,
} from '../src/index.js';

declare const client: RosterClient;

describe('RosterClient.execute', () => {
  it('returns the typed data of the document', () => {
    expectTypeOf(client.execute(ListActiveUsersDocument)).resolves.toEqualTypeOf<ListActiveUsersQuery>();
  });

  it('needs variables exactly when the operation declares them', () => {
    void client.execute(ListActiveUsersDocument);
    void client.execute(ListActiveUsersDocument, {}, { timeoutMs: 1000 });
    void client.execute(InviteUserDocument, { email: 'a@b.io', accountType: 'ADMIN' });
    // @ts-expect-error variables are required
    void client.execute(InviteUserDocument);
    // @ts-expect-error accountType must be a UserAccountType
    void client.execute(InviteUserDocument, { email: 'a@b.io', accountType: 'OWNER' });
    // @ts-expect-error no unknown variables
    void client.execute(InviteUserDocument, { email: 'a@b.io', accountType: 'ADMIN', extra: 1 });
  });
});
