import { stringifyDocument, type TypedDocumentNode } from '@urql/core';
import { ValidationError } from './errors.js';

/** What the client needs of a document, computed once per document object and cached. */
export interface PreparedOperation {
  readonly name: string;
  readonly type: 'query' | 'mutation' | 'subscription';
  /** The JSON body up to the variables: `{"query":…,"operationName":…,"variables":`. */
  readonly bodyPrefix: string;
}

type DocumentNode = TypedDocumentNode<unknown, never>;
type OperationDefinitionNode = Extract<DocumentNode['definitions'][number], { readonly operation: unknown }>;

const cache = new WeakMap<object, PreparedOperation>();

/**
 * Prints a document once (with @urql/core's cached printer) and keeps the JSON body prefix,
 * so that a call only has to serialise its variables.
 * @throws {@link ValidationError} for a document without exactly one named operation.
 */
export function prepare(document: TypedDocumentNode<unknown, never>): PreparedOperation {
  const cached = cache.get(document);
  if (cached) return cached;
  const operations = (document?.definitions ?? []).filter(
    (definition): definition is OperationDefinitionNode => (definition.kind as string) === 'OperationDefinition',
  );
  const operation = operations[0];
  if (operations.length !== 1 || !operation?.name) {
    throw new ValidationError('The document must contain exactly one named operation', {
      issues: [{ path: 'document', message: `found ${operations.length} operation(s)` }],
    });
  }
  const name = operation.name.value;
  const prepared: PreparedOperation = {
    name,
    type: operation.operation,
    bodyPrefix: `{"query":${JSON.stringify(stringifyDocument(document))},"operationName":${JSON.stringify(name)},"variables":`,
  };
  cache.set(document, prepared);
  return prepared;
}
