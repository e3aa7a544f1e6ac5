// What the page may offer: whether the server has the Roster extension (enable, resend,
// revoke, disabled users), and whether the credentials may change anything at all.
import { DisableUserDocument, type RosterClient } from '@roster/client';
import type { Roster } from '@roster/users';
import { isRosterError } from './forward.js';

/** What the studio server tells the page about the API behind it (never the credentials). */
export interface StudioSession {
  /** The API's origin, e.g. `https://api.example.com`: shown in the header, no path or query. */
  readonly endpoint: string;
  /** How the server authenticates to the API (`keyPair`, `workspaceToken`, `companyToken`). */
  readonly authMode: string;
  /** True when the API has the Roster extension: disabled users, enable, resend, revoke. */
  readonly extension: boolean;
  /** `'viewer'` when the credentials are read-only, `'admin'` when they may change users, `'unknown'` when the probe could not tell. */
  readonly capability: 'admin' | 'viewer' | 'unknown';
}

// A uid that cannot exist (not 64 hex characters): an admin's request fails validation and a
// viewer's is refused before that, so the probe tells the two apart and can change nothing.
const PROBE_UID = 'roster-studio-capability-probe';

/** Asks the API, once, whether these credentials may change users. */
export async function probeCapability(client: RosterClient): Promise<StudioSession['capability']> {
  try {
    await client.execute(DisableUserDocument, { uid: PROBE_UID }, { retry: { maxAttempts: 3, retryOnStatus: [420, 429] } });
    return 'admin';
  } catch (error) {
    // By code, not class: the client may come from another copy of the SDK (a bundled CLI).
    if (isRosterError(error) && error.code === 'FORBIDDEN') return 'viewer';
    if (isRosterError(error) && (error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND')) return 'admin';
    return 'unknown';
  }
}

/** Detects the session's features; a failed detection is retried on the next call. */
export function sessionDetector(roster: Roster): { get(): Promise<StudioSession>; markViewer(): void } {
  let pending: Promise<StudioSession> | undefined;
  let viewer = false;
  const endpoint = new URL(roster.client.endpoint).origin;
  const detect = async (): Promise<StudioSession> => {
    const [features, capability] = await Promise.all([roster.users.features(), probeCapability(roster.client)]);
    return { endpoint, authMode: roster.client.authMode, extension: features.extension, capability };
  };
  return {
    async get() {
      pending ??= detect().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      const session = await pending;
      return viewer ? { ...session, capability: 'viewer' } : session;
    },
    markViewer() {
      viewer = true;
    },
  };
}
