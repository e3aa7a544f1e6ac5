import { UnexpectedResponseError, type TypedDocumentNode } from '@roster/client';

// Checks an answer against what its operation selected, so that a server answering the
// wrong shape gets an UnexpectedResponseError naming the path instead of a TypeError deep
// in the facade. Only shapes are checked: an enum value added by a newer server passes.
// Written for the SDK's own operations (operations/), which use fragments but no aliases.
interface Node {
  readonly kind: string;
  readonly name: { readonly value: string };
  readonly selectionSet?: { readonly selections: readonly Node[] };
}

/** One selected field, flattened from the document once per call. */
type Field = readonly [name: string, list: boolean, nullable: boolean, fields: readonly Field[] | undefined];

// The fields of the schema that are lists (a name is a list wherever it appears).
const LISTS = ['activeUsers', 'invitedUsers', 'nodes', 'groups', 'workspaces'];

/**
 * What is wrong with `value`, as `path problem` (e.g. `activeUsers[3].email is null`), or
 * `undefined`. A 100k-user list is walked item by item: nothing is allocated until a problem
 * is found. A problem of the value itself starts with a space (` is not an object`).
 */
function check(value: unknown, fields: readonly Field[]): string | undefined {
  if (typeof value !== 'object' || value === null) return ' is not an object';
  for (const [name, list, nullable, inner] of fields) {
    const field = (value as Record<string, unknown>)[name];
    if (field == null) {
      if (field === undefined || !nullable) return `${name} is ${field === undefined ? 'missing' : 'null'}`;
    } else if (inner) {
      if (Array.isArray(field) !== list) return `${name} is not ${list ? 'a list' : 'an object'}`;
      const items = (list ? field : [field]) as unknown[];
      for (let i = 0; i < items.length; i++) {
        const problem = check(items[i], inner);
        if (problem) return `${name}${list ? `[${i}]` : ''}${problem[0] === ' ' ? '' : '.'}${problem}`;
      }
    }
  }
  return undefined;
}

/**
 * @param nullable - the names of the fields the schema lets be `null` in this operation, space-separated.
 * @throws {@link UnexpectedResponseError} naming the first selected field that is absent, `null`
 * although the schema forbids it, or not a list or an object where the schema has one.
 */
export function checkShape(data: object, document: TypedDocumentNode<unknown, never>, nullable: string, attempts: number): void {
  const definitions = document.definitions as readonly Node[];
  const nullables = nullable.split(' ');
  const plan = (node: Node): Field[] =>
    node.selectionSet!.selections.flatMap((selection): Field[] => {
      const name = selection.name.value;
      return selection.kind === 'Field'
        ? [[name, LISTS.includes(name), nullables.includes(name), selection.selectionSet && plan(selection)]]
        : plan(definitions.find((definition) => definition.name.value === name)!);
    });
  const operation = definitions[0]!;
  const problem = check(data, plan(operation));
  if (problem) {
    const operationName = operation.name.value;
    throw new UnexpectedResponseError(`Unexpected response in ${operationName}: ${problem}`, { operationName, attempts });
  }
}
