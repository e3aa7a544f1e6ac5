// What the page may offer: whether the server has the Roster extension (enable, resend,
// revoke, disabled users), and whether the credentials may change anything at all.
import type { Roster } from '@roster/users';

/** What the studio server tells the page about the API behind it (never the credentials). */
export interface StudioSession {
  /** The API's origin, e.g. `https://api.example.com`: shown in the header, no path or query. */
  readonly endpoint: string;
  /** How the server authenticates to the API (`keyPair`, `workspaceToken`, `companyToken`). */
  readonly authMode: string;
  /** True when the API has the Roster extension: disabled users, enable, resend, revoke. */
  readonly extension: boolean;
  /**
   * `'viewer'` once the API refused a change as `FORBIDDEN` (the credentials are read-only);
   * `'unknown'` until then: the page offers every action and turns read-only on the first refusal.
   */
  readonly capability: 'viewer' | 'unknown';
}

/**
 * Detects the session's features; a failed detection is retried on the next call.
 *
 * The API has no read-only way to ask what a key may do, and sending a mutation to find out
 * would show in the workspace's audit log (with an effect we cannot vouch for on a server we do
 * not run). So nothing is asked: the capability stays `'unknown'` until a mutation comes back
 * `FORBIDDEN`, and {@link markViewer} makes every later answer say `'viewer'`.
 */
export function sessionDetector(roster: Roster): { get(): Promise<StudioSession>; markViewer(): void } {
  let pending: Promise<StudioSession> | undefined;
  let viewer = false;
  const endpoint = new URL(roster.client.endpoint).origin;
  const detect = async (): Promise<StudioSession> => {
    const features = await roster.users.features();
    return { endpoint, authMode: roster.client.authMode, extension: features.extension, capability: 'unknown' };
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
