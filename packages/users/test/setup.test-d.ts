import { describe, expectTypeOf, it } from 'vitest';
import {
  consoleLogger,
  createClientFromEnv,
  isRosterError,
  Roster,
  type RosterClient,
  type EmailRef,
  type ListOptions,
  type ListPageOptions,
  type Logger,
  type RosterError,
  type RosterErrorCode,
  type RosterOptions,
  type UserRef,
} from '../src/index.js';

declare const roster: Roster;

describe('setup, errors and input names', () => {
  it('sets up from the environment, with overrides, or from a client', () => {
    expectTypeOf(Roster.fromEnv).parameter(0).toEqualTypeOf<Partial<RosterOptions> | undefined>();
    expectTypeOf(Roster.fromEnv({ timeoutMs: 1 })).toEqualTypeOf<Roster>();
    expectTypeOf(createClientFromEnv()).toEqualTypeOf<RosterClient>();
    expectTypeOf(new Roster(createClientFromEnv())).toEqualTypeOf<Roster>();
    expectTypeOf(new Roster({ apiEndpoint: new URL('https://x.io/graphql'), apiSecret: 'prdm_wsp_x' })).toEqualTypeOf<Roster>();
    expectTypeOf(consoleLogger()).toEqualTypeOf<Logger>();
  });

  it('narrows with isRosterError, and codes include UNKNOWN', () => {
    const value: unknown = undefined;
    if (isRosterError(value)) expectTypeOf(value).toEqualTypeOf<RosterError>();
    expectTypeOf<'UNKNOWN'>().toExtend<RosterErrorCode>();
  });

  it('names inputs for what they are, and the page size the same way everywhere', () => {
    expectTypeOf(roster.users.enable).parameter(0).toEqualTypeOf<UserRef>();
    expectTypeOf(roster.users.delete).parameter(0).toEqualTypeOf<UserRef>();
    expectTypeOf(roster.users.listGroups).parameter(0).toEqualTypeOf<UserRef>();
    expectTypeOf(roster.users.disable).parameter(0).toEqualTypeOf<UserRef>();
    expectTypeOf(roster.users.resendInvite).parameter(0).toEqualTypeOf<EmailRef>();
    expectTypeOf<ListPageOptions>().toHaveProperty('pageSize');
    expectTypeOf(roster.users.list).parameter(1).toEqualTypeOf<ListOptions | undefined>();
    expectTypeOf<ListPageOptions>().toExtend<ListOptions>();
  });
});
