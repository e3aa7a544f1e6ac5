// `pnpm run docs`: the API reference of every publishable package (each non-private package
// under packages/, found when it runs) rendered from TSDoc into docs/api/ (gitignored).
// Every public export must be documented: an undocumented or unexported-but-referenced
// symbol is a warning, and warnings fail the run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = import.meta.dirname;
const packages = readdirSync(path.join(root, 'packages'))
  .map((dir) => path.join('packages', dir))
  .filter((dir) => existsSync(path.join(root, dir, 'package.json')) && existsSync(path.join(root, dir, 'src/index.ts')))
  .filter((dir) => JSON.parse(readFileSync(path.join(root, dir, 'package.json'), 'utf8')).private !== true);

// ---------------------------------------------------------------------------------------------
// Exceptions. Everything hand-written is documented in its source; the only exceptions are
// code that `pnpm codegen` writes (which must not be edited, and which `pnpm codegen:check`
// compares byte for byte) and one internal type. Each package's exceptions are listed below,
// with the reason for each.
//
// They are per package because typedoc checks them per package and warns about an exception
// that is not used: one list in `packageOptions` would warn in every other package. In the
// `packages` strategy the only place for one package's own options is a typedoc config in
// its folder, so packages/<name>/typedoc.config.mjs exists only to pick its entry here.
// ---------------------------------------------------------------------------------------------

/**
 * The qualified names (as typedoc prints them: `Alias.field.__type.nested`) of the exports of
 * a generated file, and of the members of their object types, that have no TSDoc comment.
 * codegen copies the schema's descriptions onto enums and input types, so those stay checked;
 * what it leaves bare are the operation types (`…Query`, `…Mutation`, `…Variables`,
 * `…Fragment`: the operation's selection, field by field) and the typed documents
 * (`…Document`, whose variables typedoc shows inline). Computed from the file so that a new or
 * changed operation needs no edit here, and so that nothing hand-written can hide in the list.
 * @param {string} file - the generated file, relative to the repository root
 * @returns {string[]}
 */
function undocumentedGenerated(file) {
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const documented = (/** @type {ts.Node} */ node) => ts.getJSDocCommentsAndTags(node).length > 0;
  const exported = (/** @type {ts.Statement} */ node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const statements = source.statements.filter(exported);
  /** @type {Map<string, ts.TypeAliasDeclaration>} */
  const aliases = new Map();
  // `export const InviteStatus = {…}` (documented) and `export type InviteStatus = …` are one symbol.
  const documentedNames = new Set();
  for (const statement of source.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
    if (!exported(statement) || !documented(statement)) continue;
    if (ts.isTypeAliasDeclaration(statement)) documentedNames.add(statement.name.text);
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) documentedNames.add(d.name.getText(source));
  }
  /** @type {string[]} */
  const names = [];
  const members = (/** @type {ts.TypeLiteralNode} */ literal, /** @type {string} */ owner) => {
    for (const member of literal.members) {
      if (!ts.isPropertySignature(member)) continue;
      const name = `${owner}.${member.name.getText(source)}`;
      if (!documented(member)) names.push(name);
      if (member.type) nested(member.type, name);
    }
  };
  // An object type inside another type (`{…} | null`, `Array<{…}>`, `Exact<{…}>`) is `__type`.
  const nested = (/** @type {ts.Node} */ node, /** @type {string} */ owner) => {
    if (ts.isTypeLiteralNode(node)) members(node, `${owner}.__type`);
    else ts.forEachChild(node, (child) => nested(child, owner));
  };
  for (const statement of statements) {
    if (ts.isTypeAliasDeclaration(statement)) {
      const name = statement.name.text;
      if (!documentedNames.has(name)) names.push(name);
      if (ts.isTypeLiteralNode(statement.type)) members(statement.type, name);
      else nested(statement.type, name);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const name = declaration.name.getText(source);
        if (!documentedNames.has(name)) names.push(name);
        // `… as unknown as DocumentNode<Result, Variables>`: typedoc expands `Variables` inline.
        const cast = declaration.initializer && ts.isAsExpression(declaration.initializer) ? declaration.initializer.type : undefined;
        const variables = cast && ts.isTypeReferenceNode(cast) ? cast.typeArguments?.[1] : undefined;
        const alias = variables && ts.isTypeReferenceNode(variables) ? aliases.get(variables.typeName.getText(source)) : undefined;
        if (alias) nested(alias.type, name);
      }
    }
  }
  return names;
}

/**
 * Each package's exceptions, by folder name under packages/ (a package without an entry has
 * none). Read by packages/<name>/typedoc.config.mjs.
 * @type {Record<string, Partial<import('typedoc').TypeDocOptions>>}
 */
export const packageExceptions = {
  client: {
    // The operation types and typed documents generated from operations/: codegen gives
    // them no comment (GraphQL operations have no descriptions), and the generated file must
    // not be edited. The package comment (src/index.ts) documents them as a whole.
    intentionallyNotDocumented: undocumentedGenerated('packages/client/src/generated/graphql.ts'),
    // codegen's internal helper behind every `…Variables` type (`Exact<{ uid: string }>` is just
    // `{ uid: string }`); codegen declares it without `export`, marked "DO NOT USE DIRECTLY".
    intentionallyNotExported: ['src/generated/graphql.ts:Exact'],
  },
  fixtures: {
    intentionallyNotExported: [
      // The generated enums that the public string-literal types `AccountType`,
      // `InviteStatusValue` and `UserStatusValue` are derived from; the fixtures deliberately
      // expose only the literals, and @roster/client exports the same enums for SDK users.
      'src/generated/resolvers.ts:UserAccountType',
      'src/generated/resolvers.ts:InviteStatus',
      'src/generated/resolvers.ts:UserStatus',
    ],
  },
};

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Roster',
  entryPointStrategy: 'packages',
  entryPoints: packages,
  packageOptions: {
    entryPoints: ['src/index.ts'],
    excludePrivate: true,
    excludeInternal: true,
    // Type errors are `pnpm typecheck`'s business (and the packages' tsconfig includes tests).
    skipErrorChecking: true,
    // Validation runs while each package is converted: here, not only at the top level.
    validation: { notExported: true, notDocumented: true, invalidLink: true },
    // Source links without asking git for a remote (a fresh clone may have none).
    sourceLinkTemplate: 'https://github.com/roster-sdk/roster/blob/main/{path}#L{line}',
  },
  out: 'docs/api',
  readme: 'README.md',
  // typedoc's defaults, plus `diff` for the README's roster-file change in "Access as code".
  highlightLanguages: ['bash', 'console', 'css', 'diff', 'html', 'javascript', 'json', 'jsonc', 'json5', 'shellscript', 'text', 'tsx', 'typescript', 'yaml'],
  // `TypedDocumentNode`'s comment names graphql's DocumentNode, from a package outside the docs.
  externalSymbolLinkMappings: {
    '@0no-co/graphql.web': { DocumentNode: 'https://spec.graphql.org/October2021/#sec-Document' },
  },
  treatWarningsAsErrors: true,
  validation: { notExported: true, notDocumented: true, invalidLink: true },
};
