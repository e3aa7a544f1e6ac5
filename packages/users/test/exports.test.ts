import { describe, expect, it } from 'vitest';
import { InviteStatus, UserAccountType } from '../src/index.js';

describe('@roster/users', () => {
  it('re-exports the enums as runtime values', () => {
    expect(UserAccountType.ADMIN).toBe('ADMIN');
    expect(Object.keys(UserAccountType)).toHaveLength(9);
    expect(InviteStatus.EXPIRED).toBe('EXPIRED');
  });
});
