import { NotFoundError, UnexpectedResponseError, type RosterError, type CallOptions, type RosterClient, type TypedDocumentNode } from '@roster/client';
import type { FeatureDetector } from './features.js';
import { checkShape } from './shape.js';

/** What every facade function takes first: the transport and its feature detector. */
export interface Context {
  readonly client: RosterClient;
  readonly features: FeatureDetector;
}

// How many requests each answer took, so that an error the facade raises about an answer
// (a missing user, a wrong shape) reports the attempts actually made.
const attemptsOf = new WeakMap<object, number>();

/**
 * Sends a document and checks that the answer has what the operation selected.
 * @param nullable - the fields the schema lets be `null` here, space-separated (see {@link checkShape}).
 */
export async function run<TData extends object, TVariables extends object>(
  { client }: Pick<Context, 'client'>,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: CallOptions | undefined,
  nullable = '',
): Promise<TData> {
  let attempts = 0;
  const onSuccess = (sent: number) => {
    attempts = sent;
    options?.onSuccess?.(sent);
  };
  const data = await client.execute(document, ...([variables, { ...options, onSuccess }] as never));
  checkShape(data, document, nullable, attempts);
  attemptsOf.set(data, attempts);
  return data;
}

/**
 * The error about an answer `data` (from {@link run}): a `NotFoundError` for an object it
 * says does not exist, or an `UnexpectedResponseError` (`unexpected`) for what it lacks.
 */
export function answerError(operationName: string, what: string, data: object, unexpected?: boolean): RosterError {
  const Class = unexpected ? UnexpectedResponseError : NotFoundError;
  return new Class(`${unexpected ? 'Unexpected response' : 'Not found'} in ${operationName}: ${what}`, { operationName, attempts: attemptsOf.get(data) });
}

/** The fields of a `User` (operations/UserFields.graphql) and the lookups that may be `null`. */
export const USER_NULLABLE = 'user userByEmail uid name inviteStatus endCursor';
