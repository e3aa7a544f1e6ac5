// Forwards one accepted operation to the real API with the server-side credentials, and turns
// what happens into a GraphQL response the page can read: data, or one error whose
// `extensions` carry the typed error's code, so the page shows what went wrong and why.
import { RosterError, type RosterClient, type TypedDocumentNode } from '@roster/client';
import type { DocumentNode } from 'graphql';

/** The `extensions` of an error the studio server answers: what the page reads. */
export interface StudioErrorExtensions {
  /** The `RosterError` code, e.g. `RATE_LIMITED`, `FORBIDDEN`, `FAILED_PRECONDITION`. */
  readonly code: string;
  /** The HTTP status the API answered, when it answered. */
  readonly status?: number;
  /** For `RATE_LIMITED`: how long the API asked to wait, in milliseconds. */
  readonly retryAfterMs?: number;
  /** The operation that failed. */
  readonly operationName?: string;
  /** The API's own error code, when it sent one (e.g. `BAD_USER_INPUT`). */
  readonly upstreamCode?: string;
}

/** A GraphQL response body as the studio server sends it to the page. */
export interface StudioResponse {
  /** The API's `data`, or `null` when the call failed. */
  readonly data: unknown;
  /** One error when the call failed; absent otherwise. */
  readonly errors?: readonly {
    /** The typed error's message, e.g. `Rate limited in InviteUser (HTTP 429): …`. */
    readonly message: string;
    /** Its code and details, for the page to act on. */
    readonly extensions: StudioErrorExtensions;
  }[];
}

/** The body of an error answer, for a failure of the studio server itself (not of the API). */
export function errorResponse(code: string, message: string): StudioResponse {
  return { data: null, errors: [{ message, extensions: { code } }] };
}

/**
 * True for a `RosterError`, also one from another copy of `@roster/client` (a bundled CLI
 * passes its own `Roster`): its class is not ours, but its shape is.
 */
export function isRosterError(error: unknown): error is RosterError {
  return (
    error instanceof RosterError ||
    (error instanceof Error && typeof (error as { code?: unknown }).code === 'string' && Array.isArray((error as { graphQLErrors?: unknown }).graphQLErrors))
  );
}

/** The response for a failed call: the typed error's message and code; never a stack. */
export function failureResponse(error: unknown, operationName: string): StudioResponse {
  if (!isRosterError(error)) {
    // Not a RosterError means a bug here: say so without leaking internals.
    return errorResponse('STUDIO_ERROR', `Roster Studio failed to forward ${operationName}`);
  }
  const upstreamCode = error.graphQLErrors.find((e) => typeof e.extensions?.code === 'string')?.extensions?.code;
  const retryAfterMs = 'retryAfterMs' in error && typeof error.retryAfterMs === 'number' ? error.retryAfterMs : undefined;
  const extensions: StudioErrorExtensions = {
    code: error.code,
    operationName: error.operationName ?? operationName,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(upstreamCode === undefined ? {} : { upstreamCode }),
  };
  return { data: null, errors: [{ message: error.message, extensions }] };
}

/**
 * Sends the operation through the Roster client. Rate limits are not waited out here but
 * handed to the page at once (with `retryAfterMs`): the page waits, shows that it is waiting,
 * and tries again, instead of a request that hangs without a word.
 */
export async function forward(
  client: RosterClient,
  document: DocumentNode,
  operationName: string,
  variables: Record<string, unknown>,
  signal: AbortSignal,
): Promise<StudioResponse> {
  try {
    const execute = client.execute.bind(client) as (
      document: TypedDocumentNode<unknown, Record<string, unknown>>,
      variables: Record<string, unknown>,
      options: object,
    ) => Promise<unknown>;
    const data = await execute(document, variables, {
      signal,
      retry: { retryOnStatus: [502, 503, 504] },
    });
    return { data };
  } catch (error) {
    return failureResponse(error, operationName);
  }
}
