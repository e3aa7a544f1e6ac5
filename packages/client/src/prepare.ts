import type { TypedDocumentNode } from '@urql/core';
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
 * Prints a document once and keeps the JSON body prefix,
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
    bodyPrefix: `{"query":${JSON.stringify(print(document))},"operationName":${JSON.stringify(name)},"variables":`,
  };
  cache.set(document, prepared);
  return prepared;
}

// The printer: the document on one line, laid out as graphql-js prints each line
// (`query Name($a: T!) { field(arg: $a) { sub } }`). @urql/core's `stringifyDocument` brought
// a whole printer into every bundle (about 0.5 kB of the gzipped @roster/users; see README,
// Performance), and writes a `loc` into the caller's document. Block strings are printed as
// ordinary strings: the same value.
interface AstNode {
  readonly kind: string;
  readonly value?: string | boolean | AstNode;
  readonly name?: AstNode;
  readonly alias?: AstNode;
  readonly operation?: string;
  readonly variable?: AstNode;
  readonly type?: AstNode;
  readonly typeCondition?: AstNode;
  readonly defaultValue?: AstNode;
  readonly selectionSet?: AstNode;
  readonly definitions?: readonly AstNode[];
  readonly variableDefinitions?: readonly AstNode[];
  readonly directives?: readonly AstNode[];
  readonly arguments?: readonly AstNode[];
  readonly selections?: readonly AstNode[];
  readonly values?: readonly AstNode[];
  readonly fields?: readonly AstNode[];
}

const list = (nodes: readonly AstNode[] | undefined, separator: string): string => (nodes ?? []).map(print).join(separator);
const wrap = (start: string, text: string, end = ''): string => (text === '' ? '' : `${start}${text}${end}`);
const words = (...parts: string[]): string => parts.filter((part) => part !== '').join(' ');

function print(node: AstNode): string {
  const name = node.name ? print(node.name) : '';
  const directives = list(node.directives, ' ');
  const selectionSet = node.selectionSet ? print(node.selectionSet) : '';
  const args = wrap('(', list(node.arguments, ', '), ')');
  const variables = wrap('(', list(node.variableDefinitions, ', '), ')');
  switch (node.kind) {
    case 'Document':
      return list(node.definitions, '\n');
    case 'OperationDefinition': {
      const prefix = words(node.operation ?? '', name + variables, directives);
      return prefix === 'query' ? selectionSet : `${prefix} ${selectionSet}`;
    }
    case 'FragmentDefinition':
      return words(`fragment ${name}${variables} on ${print(node.typeCondition as AstNode)}`, directives, selectionSet);
    case 'VariableDefinition':
      return words(`${print(node.variable as AstNode)}: ${print(node.type as AstNode)}${wrap(' = ', node.defaultValue ? print(node.defaultValue) : '')}`, directives);
    case 'SelectionSet':
      return `{ ${list(node.selections, ' ')} }`;
    case 'Field':
      return words(`${wrap('', node.alias ? print(node.alias) : '', ': ')}${name}${args}`, directives, selectionSet);
    case 'FragmentSpread':
      return words(`...${name}`, directives);
    case 'InlineFragment':
      return words('...', wrap('on ', node.typeCondition ? print(node.typeCondition) : ''), directives, selectionSet);
    case 'Argument':
    case 'ObjectField':
      return `${name}: ${print(node.value as AstNode)}`;
    case 'Directive':
      return `@${name}${args}`;
    case 'Variable':
      return `$${name}`;
    case 'ListType':
      return `[${print(node.type as AstNode)}]`;
    case 'NonNullType':
      return `${print(node.type as AstNode)}!`;
    case 'StringValue':
      return JSON.stringify(node.value);
    case 'ListValue':
      return `[${list(node.values, ', ')}]`;
    case 'ObjectValue':
      return `{${list(node.fields, ', ')}}`;
    case 'NullValue':
      return 'null';
    case 'NamedType':
      return name;
    default:
      // Name, IntValue, FloatValue, EnumValue, BooleanValue
      return typeof node.value === 'object' ? '' : String(node.value);
  }
}
