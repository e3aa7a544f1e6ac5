import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { RosterFileError } from './errors.js';
import { ignoreMatcher } from './ignore.js';
import { MemberChecker, type RawField } from './members.js';
import type { RosterFile, RosterMode, SourceLocation } from './model.js';

const TOP_KEYS = ['$schema', 'version', 'mode', 'ignore', 'resendExpired', 'members'];
const MEMBER_KEYS = ['email', 'role', 'name', 'groups'];

/**
 * Parses a roster file written in YAML and checks it whole. Errors name the file, the
 * line and the column (from the `yaml` package's node positions): syntax errors, unknown
 * keys, a duplicate address in any case, an unknown role, a malformed address.
 * @param fileName - used in error messages only.
 * @throws {@link RosterFileError} listing every problem.
 * @example
 * ```ts
 * const file = parseRosterYaml('mode: additive\nmembers:\n  - { email: ada@acme.io, role: ADMIN }\n', 'roster.yaml');
 * ```
 */
export function parseRosterYaml(text: string, fileName = 'roster.yaml'): RosterFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const at = (node: Node | null | undefined): SourceLocation => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { file: fileName, line, column: col };
  };
  const syntax = doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    return { file: fileName, line: pos.line, column: pos.col, message: error.message.split('\n')[0]! };
  });
  if (syntax.length > 0) throw new RosterFileError(syntax);

  const root = doc.contents;
  if (!isMap(root)) throw new RosterFileError([{ ...at(root), message: 'a roster file is a mapping with `members:` (and optionally `mode:`, `ignore:`, `resendExpired:`)' }]);
  const top = fieldsOf(root, at, TOP_KEYS);
  const preliminary = new MemberChecker(() => false);
  for (const [key, field] of top.unknown) preliminary.problem(field.at, `unknown key '${key}' (expected one of ${TOP_KEYS.join(', ')})`);
  for (const { key, at: where } of top.duplicates) preliminary.problem(where, `duplicate key '${key}'`);

  const version = top.known.get('version');
  if (version && version.value !== 1) preliminary.problem(version.at, 'version must be 1');
  const mode = readMode(top.known.get('mode'), preliminary);
  const ignore = readStrings(top.nodes.get('ignore'), at, 'ignore', preliminary);
  const resend = top.known.get('resendExpired');
  if (resend && typeof resend.value !== 'boolean') preliminary.problem(resend.at, 'resendExpired must be true or false');

  const checker = new MemberChecker(ignoreMatcher(ignore));
  checker.problems.push(...preliminary.problems);
  const membersNode = top.nodes.get('members');
  if (membersNode === undefined) checker.problem(at(root), 'a roster file needs `members:` (a list)');
  else if (!isSeq(membersNode)) checker.problem(at(membersNode), '`members` must be a list');
  else {
    for (const item of membersNode.items as (Node | null)[]) {
      if (!isMap(item)) {
        checker.problem(at(item), 'a member is a mapping with email and role');
        continue;
      }
      const member = fieldsOf(item, at, MEMBER_KEYS);
      for (const [key, field] of member.unknown) checker.problem(field.at, `unknown key '${key}' in a member (expected ${MEMBER_KEYS.join(', ')})`);
      for (const { key, at: where } of member.duplicates) checker.problem(where, `duplicate key '${key}' in a member`);
      const groupsNode = member.nodes.get('groups');
      let groups: unknown[] | undefined;
      if (groupsNode !== undefined) {
        if (!isSeq(groupsNode)) checker.problem(at(groupsNode), '`groups` must be a list of group ids');
        else groups = groupsNode.items.map((g) => (isScalar(g) ? g.value : g));
      }
      const value = (key: string) => member.known.get(key)?.value;
      checker.add({ email: value('email'), role: value('role'), name: value('name'), groups }, (field) => (field === 'member' ? at(item) : field === 'groups' ? at(groupsNode) : member.known.get(field)?.at ?? at(item)));
    }
  }
  if (checker.problems.length > 0) throw new RosterFileError(checker.problems);
  return { mode, members: checker.members, ignore, resendExpired: resend?.value !== false };
}

interface Fields {
  readonly known: Map<string, RawField>;
  readonly nodes: Map<string, Node | null>;
  readonly unknown: Map<string, RawField>;
  readonly duplicates: { readonly key: string; readonly at: SourceLocation }[];
}

function fieldsOf(map: YAMLMap, at: (node: Node | null | undefined) => SourceLocation, allowed: readonly string[]): Fields {
  const known = new Map<string, RawField>();
  const nodes = new Map<string, Node | null>();
  const unknown = new Map<string, RawField>();
  const duplicates: Fields['duplicates'] = [];
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value;
    const raw: unknown = isScalar(value) ? value.value : value === null ? null : value.toJSON();
    const field: RawField = { value: raw, at: at(value ?? pair.key) };
    // Checked here rather than by the parser, which reports a duplicate at the mapping's start.
    if (nodes.has(key)) duplicates.push({ key, at: at(pair.key) });
    nodes.set(key, value);
    if (allowed.includes(key)) known.set(key, field);
    else unknown.set(key, { ...field, at: at(pair.key) });
  }
  return { known, nodes, unknown, duplicates };
}

function readMode(field: RawField | undefined, checker: MemberChecker): RosterMode {
  if (field === undefined) return 'additive';
  if (field.value === 'additive' || field.value === 'authoritative') return field.value;
  checker.problem(field.at, `mode must be 'additive' or 'authoritative', got ${JSON.stringify(field.value)}`);
  return 'additive';
}

function readStrings(node: Node | null | undefined, at: (node: Node | null | undefined) => SourceLocation, key: string, checker: MemberChecker): string[] {
  if (node === undefined || node === null) return [];
  if (!isSeq(node)) {
    checker.problem(at(node), `\`${key}\` must be a list of addresses or patterns`);
    return [];
  }
  const values: string[] = [];
  for (const item of node.items as (Node | null)[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') values.push(item.value.trim());
    else checker.problem(at(item), `each \`${key}\` entry is an address or a pattern such as *@svc.acme.io`);
  }
  return values;
}
