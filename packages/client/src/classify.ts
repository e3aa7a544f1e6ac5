import {
  AuthenticationError,
  ConflictError,
  GraphQLResponseError,
  HttpError,
  NotFoundError,
  PermissionError,
  PreconditionError,
  RateLimitError,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  type GraphQLErrorInfo,
  type RosterError,
  type RosterErrorDetails,
} from './errors.js';

/** What one HTTP attempt produced, as far as error classification needs it. */
export interface AttemptOutcome {
  readonly operationName: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed body, or `undefined` when it was not JSON. */
  readonly body: { data?: unknown; errors?: unknown } | undefined;
  /** The first characters of the raw body, for messages about non-JSON answers. */
  readonly snippet: string;
  readonly attempts: number;
  readonly retryAfterMs: number | undefined;
}

// An answer that is not GraphQL most often means the URL points somewhere else.
const HINT = 'is apiEndpoint the GraphQL endpoint (e.g. https://host/graphql)?';

type ErrorFactory = (message: string, details: RosterErrorDetails & { retryAfterMs?: number | undefined }) => RosterError;

// One table maps GraphQL `extensions.code` values to error classes. The statuses that mean
// the same whatever the body says (401, 403, 420, 429) map to the same entries; a 404 or 409
// is only a NotFoundError or ConflictError when the body says so: a 404 from a wrong path is
// not a missing user.
const byCode: Record<string, readonly [string, ErrorFactory]> = {
  UNAUTHENTICATED: ['Authentication failed', (m, d) => new AuthenticationError(m, d)],
  FORBIDDEN: ['Permission denied', (m, d) => new PermissionError(m, d)],
  NOT_FOUND: ['Not found', (m, d) => new NotFoundError(m, d)],
  CONFLICT: ['Conflict', (m, d) => new ConflictError(m, d)],
  RATE_LIMITED: ['Rate limited', (m, d) => new RateLimitError(m, d)],
  FAILED_PRECONDITION: ['Refused by a workspace rule', (m, d) => new PreconditionError(m, d)],
  BAD_USER_INPUT: ['Invalid input', (m, d) => new ValidationError(m, { ...d, code: 'BAD_USER_INPUT' })],
  INTERNAL_SERVER_ERROR: ['Server error', (m, d) => new ServerError(m, d)],
};
byCode.ALREADY_EXISTS = byCode.CONFLICT!;
const byStatus: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 420: 'RATE_LIMITED', 429: 'RATE_LIMITED' };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The GraphQL errors of a body, or `[]`; tolerant of servers that send odd shapes. */
export function graphQLErrorsOf(body: AttemptOutcome['body']): GraphQLErrorInfo[] {
  const errors = body?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((error): GraphQLErrorInfo =>
    isRecord(error) && typeof error.message === 'string'
      ? (error as GraphQLErrorInfo)
      : { message: JSON.stringify(error) ?? String(error) },
  );
}

/**
 * Turns a failed attempt into the right {@link RosterError}. The message starts with what
 * happened and which operation, then the server's own first message.
 */
export function classifyFailure(outcome: AttemptOutcome): RosterError {
  const { operationName, status, headers, body, attempts, retryAfterMs } = outcome;
  const graphQLErrors = graphQLErrorsOf(body);
  const first = graphQLErrors[0];
  const details = {
    operationName,
    status,
    headers,
    graphQLErrors,
    data: isRecord(body) && isRecord(body.data) ? body.data : undefined,
    attempts,
    retryAfterMs,
  };
  const tail = first ? `: ${first.message}` : '';
  const snippet = outcome.snippet ? `: ${outcome.snippet}` : '';
  const where = `in ${operationName} (HTTP ${status})`;

  const statusEntry = byCode[byStatus[status] ?? ''];
  if (statusEntry) return statusEntry[1](`${statusEntry[0]} ${where}${tail}`, details);
  if (status >= 500) return new ServerError(`Server error ${where}${tail || snippet}`, details);
  const code = first?.extensions?.code;
  const codeEntry = typeof code === 'string' ? byCode[code] : undefined;
  if (codeEntry) return codeEntry[1](`${codeEntry[0]} ${where}${tail}`, details);
  if (first && status !== 404) return new GraphQLResponseError(`GraphQL error ${where}${tail}`, details);
  if (status < 200 || status >= 300) return new HttpError(`HTTP error ${where}${tail || snippet}; ${HINT}`, details);
  if (body === undefined) {
    return new UnexpectedResponseError(`Unexpected response ${where}: the body is not JSON${snippet}; ${HINT}`, details);
  }
  return new UnexpectedResponseError(`Unexpected response ${where}: no data and no errors`, details);
}
