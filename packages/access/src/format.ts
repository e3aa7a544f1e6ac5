import type { Action, ActionKind, Plan } from './model.js';

/** Options of {@link formatPlan} and {@link formatDrift}. */
export interface FormatOptions {
  /**
   * Colour the signs with ANSI escapes (green `+`, yellow `~`, red `-`); for a terminal only.
   * @defaultValue false
   */
  readonly color?: boolean | undefined;
}

// Three fixed ANSI codes do not justify a colour library in a package the browser also loads.
const PAINT = { '+': '\u001b[32m', '~': '\u001b[33m', '-': '\u001b[31m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

/** The sign of an action in a diff: `+` grants access, `~` changes it, `-` takes it away. */
export function signOf(action: Action): '+' | '~' | '-' {
  switch (action.kind) {
    case 'invite':
    case 'enable':
    case 'add-to-group':
      return '+';
    case 'resend':
    case 'change-role':
      return '~';
    case 'revoke':
    case 'disable':
    case 'remove-from-group':
      return '-';
  }
}

/** One line describing an action, e.g. `change role  matt@acme.io  DEVELOPER → ADMIN`. */
export function describeAction(action: Action): string {
  const pad = (label: string) => label.padEnd(18);
  switch (action.kind) {
    case 'invite':
      return `${pad('invite')}${action.email} as ${action.role}`;
    case 'resend':
      return `${pad('resend invitation')}${action.email} (expired, ${action.role})`;
    case 'change-role':
      return `${pad('change role')}${action.email}${action.uid === null ? ' (invitation)' : ''} ${action.from} → ${action.to}`;
    case 'enable':
      return `${pad('enable')}${action.email} (${action.role})`;
    case 'add-to-group':
      return `${pad('add to group')}${action.email} → ${action.group}`;
    case 'remove-from-group':
      return `${pad('remove from group')}${action.email} ✕ ${action.group}`;
    case 'revoke':
      return `${pad('revoke invitation')}${action.email} (${action.role})`;
    case 'disable':
      return `${pad('disable')}${action.email} (${action.role})`;
  }
}

/** True when the plan changes nothing. */
export const isEmptyPlan = (plan: Plan): boolean => plan.actions.length === 0;

/**
 * The plan as a readable diff, one line per action with `+`, `~` or `-`, then a summary
 * line; `No changes.` when there is nothing to do. Unsupported changes and warnings follow.
 * @example
 * ```ts
 * process.stdout.write(formatPlan(plan, { color: process.stdout.isTTY }));
 * ```
 */
export function formatPlan(plan: Plan, options: FormatOptions = {}): string {
  const paint = (sign: keyof typeof PAINT, text: string) => (options.color ? `${PAINT[sign]}${text}${PAINT.reset}` : text);
  const lines: string[] = [];
  for (const action of plan.actions) {
    const sign = signOf(action);
    lines.push(paint(sign, `${sign} ${describeAction(action)}`));
  }
  const count = (sign: '+' | '~' | '-') => plan.actions.filter((a) => signOf(a) === sign).length;
  if (plan.actions.length === 0) lines.push(paint('bold', 'No changes. The workspace matches the roster.'));
  else lines.push('', paint('bold', `Plan: ${count('+')} to add, ${count('~')} to change, ${count('-')} to remove.`));
  if (plan.unsupported.length > 0) {
    lines.push('', `Not possible on this server (${plan.unsupported.length}):`);
    for (const { action, reason } of plan.unsupported) lines.push(`  ${signOf(action)} ${describeAction(action)}: ${reason}`);
  }
  for (const warning of plan.warnings) lines.push(`Warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** The kinds of drift `roster drift` reports. */
export type DriftKind = 'not-in-file' | 'missing' | 'wrong-role' | 'stale-invitation' | 'wrong-groups';

const DRIFT_OF: Readonly<Record<ActionKind, DriftKind>> = {
  invite: 'missing',
  enable: 'missing',
  'change-role': 'wrong-role',
  resend: 'stale-invitation',
  'add-to-group': 'wrong-groups',
  'remove-from-group': 'wrong-groups',
  revoke: 'not-in-file',
  disable: 'not-in-file',
};

const DRIFT_TITLES: Readonly<Record<DriftKind, string>> = {
  'not-in-file': 'Not in the file',
  missing: 'Missing from the workspace',
  'wrong-role': 'Wrong role',
  'stale-invitation': 'Stale invitation',
  'wrong-groups': 'Wrong groups',
};

/** A plan's differences grouped by kind, the changes the server cannot make included. */
export type DriftReport = Readonly<Record<DriftKind, readonly Action[]>>;

/** Groups a plan's actions (and unsupported changes) by kind of drift. */
export function driftOf(plan: Plan): DriftReport {
  const report: Record<DriftKind, Action[]> = { 'not-in-file': [], missing: [], 'wrong-role': [], 'stale-invitation': [], 'wrong-groups': [] };
  for (const action of [...plan.actions, ...plan.unsupported.map((u) => u.action)]) report[DRIFT_OF[action.kind]].push(action);
  return report;
}

/** True when a drift report lists anything. */
export const hasDrift = (report: DriftReport): boolean => Object.values(report).some((list) => list.length > 0);

/**
 * A drift report as text, by kind (`Not in the file (2)`, `Wrong role (1)`…); `No drift.`
 * when the workspace matches.
 */
export function formatDrift(report: DriftReport, options: FormatOptions = {}): string {
  const lines: string[] = [];
  for (const kind of Object.keys(DRIFT_TITLES) as DriftKind[]) {
    const list = report[kind];
    if (list.length === 0) continue;
    lines.push(options.color ? `${PAINT.bold}${DRIFT_TITLES[kind]} (${list.length})${PAINT.reset}` : `${DRIFT_TITLES[kind]} (${list.length})`);
    for (const action of list) lines.push(`  ${signOf(action)} ${describeAction(action)}`);
  }
  if (lines.length === 0) lines.push('No drift. The workspace matches the roster.');
  return `${lines.join('\n')}\n`;
}
