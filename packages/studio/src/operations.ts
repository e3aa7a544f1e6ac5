// The operations the page may send: the generated documents it is built from, and nothing
// else. The studio server holds an admin's secret, so it must not become a general GraphQL
// proxy that any query (or a page with a bug) can drive.
import {
  DisableUserDocument,
  EnableUserDocument,
  InviteUserDocument,
  ListUsersDocument,
  ListUsersPageDocument,
  ResendInviteDocument,
  RevokeInviteDocument,
  UpdateUserAccountTypeDocument,
  type TypedDocumentNode,
} from '@roster/client';
import { Kind, parse, print, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/** The documents the page uses, by operation name. */
const DOCUMENTS: ReadonlyMap<string, TypedDocumentNode<unknown, never>> = new Map(
  [
    ListUsersDocument,
    ListUsersPageDocument,
    InviteUserDocument,
    UpdateUserAccountTypeDocument,
    DisableUserDocument,
    EnableUserDocument,
    ResendInviteDocument,
    RevokeInviteDocument,
  ].map((document) => [operationOf(document as DocumentNode).name?.value ?? '', document as TypedDocumentNode<unknown, never>]),
);

/** The names of the operations the studio server forwards. */
export const ALLOWED_OPERATIONS: readonly string[] = [...DOCUMENTS.keys()];

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) throw new TypeError('expected exactly one operation');
  return operations[0] as OperationDefinitionNode;
}

// urql adds `__typename` to every selection set (its document cache keys on typenames): the
// page's query is the generated one plus those fields, and only that.
function withoutTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
}

const canonical = new Map([...DOCUMENTS].map(([name, document]) => [name, print(document as DocumentNode)]));
// Accepted documents by the exact text the page sent, so that each is parsed once.
const accepted = new Map<string, { name: string; document: DocumentNode; type: 'query' | 'mutation' }>();

/** What {@link matchOperation} answers: the operation to forward, or why it is refused. */
export type OperationMatch =
  | { readonly ok: true; readonly name: string; readonly document: DocumentNode; readonly type: 'query' | 'mutation' }
  | { readonly ok: false; readonly message: string };

/**
 * Accepts a request's query only when it is one of the page's generated documents (up to
 * layout and urql's `__typename` fields) and names that operation.
 */
export function matchOperation(query: unknown, operationName: unknown): OperationMatch {
  if (typeof query !== 'string') return { ok: false, message: 'The request has no query string' };
  const known = accepted.get(query);
  if (known) {
    return operationName === undefined || operationName === null || operationName === known.name
      ? { ok: true, ...known }
      : { ok: false, message: `operationName ${JSON.stringify(operationName)} does not match the query` };
  }
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return { ok: false, message: 'The query does not parse' };
  }
  let name: string | undefined;
  let type: 'query' | 'mutation';
  try {
    const operation = operationOf(document);
    name = operation.name?.value;
    type = String(operation.operation) === 'mutation' ? 'mutation' : 'query';
  } catch {
    return { ok: false, message: 'The query must hold exactly one operation' };
  }
  const expected = name === undefined ? undefined : canonical.get(name);
  if (name === undefined || expected === undefined || print(withoutTypename(document)) !== expected) {
    return { ok: false, message: `Roster Studio forwards only its own operations (${ALLOWED_OPERATIONS.join(', ')})` };
  }
  // Bounded: only texts equal to a known operation get here, and the page sends one per operation.
  if (accepted.size < 64) accepted.set(query, { name, document, type });
  return matchOperation(query, operationName);
}
