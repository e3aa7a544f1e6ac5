import type { ResultOf, VariablesOf } from '../src/index.js';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  DisableUserDocument,
  InviteStatus,
  InviteUserDocument,
  ListActiveUsersDocument,
  ListInvitedUsersDocument,
  UpdateUserAccountTypeDocument} from '../src/index.js';
import {
  UserAccountType,
} from '../src/index.js';

describe('generated enums', () => {
  it('are runtime values and types at once', () => {
    expectTypeOf(UserAccountType.ADMIN).toEqualTypeOf<'ADMIN'>();
    expectTypeOf<UserAccountType>().toEqualTypeOf<
      | 'ADMIN'
      | 'DEVELOPER'
      | 'BUSINESS'
      | 'BILLING_ADMIN'
      | 'SECURITY_ADMIN'
      | 'WORKSPACE_SETTINGS_ADMIN'
      | 'WORKSPACE_ADMIN'
      | 'ANALYST'
      | 'SANDBOX_USER'
    >();
    expectTypeOf<InviteStatus>().toEqualTypeOf<'SENT' | 'ACTIVE' | 'EXPIRED'>();
  });
});

describe('generated documents carry exact types', () => {
  it('list queries need no variables and return only what they select', () => {
    expectTypeOf<VariablesOf<typeof ListActiveUsersDocument>>().toEqualTypeOf<{ [key: string]: never }>();
    expectTypeOf<ResultOf<typeof ListActiveUsersDocument>>().toEqualTypeOf<{
      listUsers: {
        ok: boolean;
        activeUsers: Array<{ uid: string; email: string; name: string; accountType: UserAccountType }>;
      };
    }>();
    expectTypeOf<ResultOf<typeof ListActiveUsersDocument>['listUsers']>().not.toHaveProperty('invitedUsers');
    expectTypeOf<ResultOf<typeof ListInvitedUsersDocument>['listUsers']>().not.toHaveProperty('activeUsers');
    expectTypeOf<ResultOf<typeof ListInvitedUsersDocument>['listUsers']['invitedUsers'][number]>().toEqualTypeOf<{
      email: string;
      accountType: UserAccountType;
      inviteStatus: InviteStatus;
    }>();
  });

  it('mutations require exactly their variables', () => {
    expectTypeOf<VariablesOf<typeof InviteUserDocument>>().toEqualTypeOf<{
      email: string;
      accountType: UserAccountType;
    }>();
    expectTypeOf<VariablesOf<typeof UpdateUserAccountTypeDocument>>().toEqualTypeOf<{
      uid: string;
      accountType: UserAccountType;
    }>();
    expectTypeOf<VariablesOf<typeof DisableUserDocument>>().toEqualTypeOf<{ uid: string }>();
    expectTypeOf<ResultOf<typeof DisableUserDocument>>().toEqualTypeOf<{ disableUser: { ok: boolean } }>();
  });

  it('an account type outside the enum is a type error', () => {
    type Vars = VariablesOf<typeof InviteUserDocument>;
    expectTypeOf<{ email: string; accountType: 'OWNER' }>().not.toExtend<Vars>();
    expectTypeOf<{ email: string; accountType: 'ADMIN' }>().toExtend<Vars>();
    // @ts-expect-error 'OWNER' is not a UserAccountType
    const bad: Vars = { email: 'a@b.io', accountType: 'OWNER' };
    void bad;
  });
});
