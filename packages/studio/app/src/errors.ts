import type { CombinedError } from '@urql/core';

/** An error as the page shows it: the typed error's code and message, and what it means here. */
export interface ShownError {
  readonly code: string;
  readonly message: string;
  /** A sentence on what the user can do about it, when there is one. */
  readonly hint: string | undefined;
}

const HINTS: Record<string, string> = {
  FORBIDDEN: 'Permission denied: these credentials are read-only (a viewer key). The page is now read-only.',
  FAILED_PRECONDITION: 'The workspace must keep at least one enabled admin: promote someone else first.',
  RATE_LIMITED: 'The API is rate limiting: the page waited and retried, and gave up. Try again in a moment.',
  UNAUTHENTICATED: 'The API refused the credentials, or the studio session ended: start roster studio again.',
  NOT_SUPPORTED: 'This server speaks only the documented core API.',
  CONFLICT: 'Somebody already has this address.',
  NETWORK_ERROR: 'The API did not answer: is it running?',
};

/** What to show for a failed operation. */
export function shownError(error: CombinedError): ShownError {
  const first = error.graphQLErrors[0];
  if (first) {
    const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'GRAPHQL_ERROR';
    return { code, message: first.message, hint: HINTS[code] };
  }
  if (error.networkError) {
    return { code: 'STUDIO_UNREACHABLE', message: error.networkError.message, hint: 'The studio server did not answer: is roster studio still running?' };
  }
  return { code: 'ERROR', message: error.message, hint: undefined };
}

/** True when an error says the credentials may not change anything. */
export const isForbidden = (error: CombinedError | undefined): boolean =>
  error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN') ?? false;
