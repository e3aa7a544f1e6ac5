import {
  DisableUserDocument,
  EnableUserDocument,
  InviteUserDocument,
  ResendInviteDocument,
  RevokeInviteDocument,
  UpdateUserAccountTypeDocument,
  type UserAccountType,
} from '@roster/client';
import type { CombinedError, OperationResult } from '@urql/core';
import { useMemo } from 'react';
import { useMutation } from 'urql';
import { shownError, type ShownError } from './errors';

/** The outcome of one action. */
export type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: ShownError; readonly combined?: CombinedError };

/** The mutations the page sends, each resolving to an {@link Outcome} (never throwing). */
export interface Actions {
  invite(email: string, accountType: UserAccountType): Promise<Outcome>;
  setRole(uid: string, accountType: UserAccountType): Promise<Outcome>;
  disable(uid: string): Promise<Outcome>;
  enable(uid: string): Promise<Outcome>;
  /** With the extension `resendInvite`; on a core-only server the address is invited again with its role, as the SDK does. */
  resend(email: string, accountType: UserAccountType): Promise<Outcome>;
  revoke(email: string): Promise<Outcome>;
}

const NOT_OK: ShownError = { code: 'OPERATION_FAILED', message: 'The API answered ok: false: nothing was changed', hint: undefined };

function outcome(result: OperationResult, ok: (data: NonNullable<OperationResult['data']>) => boolean): Outcome {
  if (result.error) return { ok: false, error: shownError(result.error), combined: result.error };
  return result.data && ok(result.data) ? { ok: true } : { ok: false, error: NOT_OK };
}

type Data<K extends string> = Record<K, { ok: boolean }>;
const okOf =
  <K extends string>(field: K) =>
  (data: unknown): boolean =>
    (data as Data<K>)[field]?.ok === true;

/** The page's mutations, through urql's useMutation and the generated documents. */
export function useActions(extension: boolean): Actions {
  const [, invite] = useMutation(InviteUserDocument);
  const [, setRole] = useMutation(UpdateUserAccountTypeDocument);
  const [, disable] = useMutation(DisableUserDocument);
  const [, enable] = useMutation(EnableUserDocument);
  const [, resend] = useMutation(ResendInviteDocument);
  const [, revoke] = useMutation(RevokeInviteDocument);
  return useMemo(
    () => ({
      invite: async (email, accountType) => outcome(await invite({ email, accountType }), okOf('inviteUser')),
      setRole: async (uid, accountType) => outcome(await setRole({ uid, accountType }), okOf('updateUserAccountType')),
      disable: async (uid) => outcome(await disable({ uid }), okOf('disableUser')),
      enable: async (uid) => outcome(await enable({ uid }), okOf('enableUser')),
      resend: async (email, accountType) =>
        extension ? outcome(await resend({ email }), okOf('resendInvite')) : outcome(await invite({ email, accountType }), okOf('inviteUser')),
      revoke: async (email) => outcome(await revoke({ email }), okOf('revokeInvite')),
    }),
    [extension, invite, setRole, disable, enable, resend, revoke],
  );
}
