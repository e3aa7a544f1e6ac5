/**
 * `@roster/access/planner`: the pure part of access as code — desired state and live state
 * in, ordered actions out — with no I/O and no Node-only import, for browsers and for apps
 * that read the workspace their own way.
 * @packageDocumentation
 */
export type {
  Action,
  InviteAction,
  ResendAction,
  ChangeRoleAction,
  EnableAction,
  GroupAction,
  RevokeAction,
  DisableAction,
  ActionKind,
  LiveState,
  LiveUser,
  Plan,
  PlanGuard,
  PlanSummary,
  RosterFile,
  RosterMember,
  RosterMode,
  SourceLocation,
  UnsupportedChange,
} from './model.js';
export { planRoster, phaseOf, summarize, DEFAULT_REMOVAL_LIMIT, type PlanOptions, type RemovalLimit } from './plan.js';
export { fingerprintOf } from './fingerprint.js';
export { ignoreMatcher } from './ignore.js';
export { RosterFileError, PlanRefusedError, StalePlanError, type FileProblem, type RefusalReason } from './errors.js';
export {
  formatPlan,
  formatDrift,
  describeAction,
  signOf,
  driftOf,
  hasDrift,
  isEmptyPlan,
  type DriftKind,
  type DriftReport,
  type FormatOptions,
} from './format.js';
