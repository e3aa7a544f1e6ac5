export * from './generated/graphql.js';
export { RosterClient, createClient, type ExecuteArgs } from './client.js';
export type { ClientOptions, CallOptions, FetchLike } from './options.js';
export type { AuthMode, Credentials } from './auth.js';
export type { RetryOptions } from './retry.js';
export type { Logger, RosterLogEvent, RequestEvent, ResponseEvent, RetryEvent, ErrorEvent } from './events.js';
export {
  RosterError,
  ValidationError,
  AuthenticationError,
  PermissionError,
  NotFoundError,
  ConflictError,
  PreconditionError,
  RateLimitError,
  ServerError,
  NetworkError,
  TimeoutError,
  AbortError,
  UnexpectedResponseError,
  OperationFailedError,
  GraphQLResponseError,
  HttpError,
  NotSupportedError,
  type RosterErrorCode,
  type RosterErrorDetails,
  type GraphQLErrorInfo,
} from './errors.js';
export { rosterExchange } from './urql-exchange.js';
export { VERSION } from './version.js';
export type { TypedDocumentNode } from '@urql/core';

/** The result type of a typed document: `ResultOf<typeof ListActiveUsersDocument>`. */
export type ResultOf<T> = T extends { __apiType?: (variables: never) => infer R } ? R : never;
/** The variables type of a typed document: `VariablesOf<typeof InviteUserDocument>`. */
export type VariablesOf<T> = T extends { __apiType?: (variables: infer V) => unknown } ? V : never;
