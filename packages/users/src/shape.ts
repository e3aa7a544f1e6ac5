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

// The fields of the schema that are lists (a name is a list wherever it appears).
const LISTS = ' activeUsers invitedUsers nodes groups workspaces ';

/**
 * @param nullable - the names of the fields the schema lets be `null` in this operation, space-separated.
 * @throws {@link UnexpectedResponseError} naming the first selected field that is absent, `null`
 * although the schema forbids it, or not a list or an object where the schema has one.
 */
export function checkShape(data: object, document: TypedDocumentNode<unknown, never>, nullable: string, attempts: number): void {
  const definitions = document.definitions as readonly Node[];
  const operationName = definitions[0]!.name.value;
  const walk = (value: Record<string, unknown>, node: Node, path: string): void => {
    for (const selection of node.selectionSet!.selections) {
      const name = selection.name.value;
      if (selection.kind !== 'Field') {
        walk(value, definitions.find((definition) => definition.name.value === name)!, path);
        continue;
      }
      const field = value[name];
      const list = LISTS.includes(` ${name} `);
      const problem =
        field === undefined
          ? 'is missing'
          : field === null
            ? ` ${nullable} `.includes(` ${name} `) ? '' : 'is null'
            : selection.selectionSet && Array.isArray(field) !== list
              ? `is not ${list ? 'a list' : 'an object'}`
              : '';
      if (problem) throw new UnexpectedResponseError(`Unexpected response in ${operationName}: ${path}${name} ${problem}`, { operationName, attempts });
      if (field && selection.selectionSet) {
        (list ? (field as unknown[]) : [field]).forEach((item, i) =>
          walk(typeof item === 'object' && item ? (item as Record<string, unknown>) : {}, selection, `${path}${name}${list ? `[${i}]` : ''}.`),
        );
      }
    }
  };
  walk(data as Record<string, unknown>, definitions[0]!, '');
}
