// The client prints each document itself (once per document). Whatever it prints must
// parse back, with graphql-js, to the very same document: otherwise the server would run
// something else than the operation the types were generated from.
import { parse, print as graphqlPrint, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/generated/graphql.js';
import { prepare } from '../src/prepare.js';

// Block strings come back as ordinary strings with the same value: compare without the flag.
const canonical = (document: DocumentNode): string =>
  graphqlPrint(JSON.parse(JSON.stringify(document, (key, value: unknown) => (key === 'block' || key === 'loc' ? undefined : value))) as DocumentNode);

const printed = (document: DocumentNode): string =>
  (JSON.parse(`${prepare(document).bodyPrefix}{}}`) as { query: string }).query;

const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document')) as [string, DocumentNode][];

describe('the document printer', () => {
  it('has generated documents to print', () => {
    expect(documents.length).toBeGreaterThan(10);
  });

  it.each(documents)('%s prints to a text that parses back to the same document', (_name, document) => {
    const text = printed(document);
    expect(canonical(parse(text))).toBe(canonical(document));
  });

  it.each([
    ['aliases, arguments and nested input values', 'query Q($id: ID! = "x", $n: [Int!] = [1, 2]) { a: user(id: $id, filter: { names: ["a", "b"], deep: { ok: true, none: null } }) { id } }'],
    ['directives and inline fragments', 'query Q($skip: Boolean!) { node @include(if: $skip) { ... on User @skip(if: false) { id } ... { name } } }'],
    ['fragments with spreads', 'query Q { ...F } fragment F on Query { me { id } }'],
    ['enum, float and escaped strings', 'mutation M { act(kind: ADMIN, ratio: 1.5e3, note: "line\\nbreak \\"quoted\\" \\u00e9") { ok } }'],
    ['a block string', 'mutation M { act(note: """\n  indented\n    more\n""") { ok } }'],
    ['a subscription', 'subscription S { changes { id } }'],
  ])('%s survive the round trip', (_title, source) => {
    const document = parse(source);
    expect(canonical(parse(printed(document)))).toBe(canonical(document));
  });

  it('prints on one line and leaves the document untouched', () => {
    const document = parse('query Q { a { b } }', { noLocation: true });
    const before = JSON.stringify(document);
    expect(printed(document)).toBe('query Q { a { b } }');
    expect(JSON.stringify(document)).toBe(before);
  });
});
