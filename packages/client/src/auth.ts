import { envName, kindOf, type Issue } from './option-checks.js';

/** How the client authenticates, chosen from the secret as the Python SDK does. */
export type AuthMode = 'keyPair' | 'workspaceToken' | 'companyToken';

/** The credentials of a client. Which ones are needed depends on the secret. */
export interface Credentials {
  /** The API key of a key pair. Required unless `apiSecret` is a `prdm_wsp_` or `prdm_cmp_` token. */
  apiKey?: string | undefined;
  /** The API secret of a key pair, or a workspace (`prdm_wsp_…`) or company (`prdm_cmp_…`) token. */
  apiSecret: string;
  /** The workspace to act on; required with a company token (`prdm_cmp_…`), ignored otherwise. */
  workspaceUid?: string | undefined;
}

/** The resolved authentication: the mode, the headers to send, and the values to redact. */
export interface ResolvedAuth {
  readonly mode: AuthMode;
  readonly headers: Readonly<Record<string, string>>;
  readonly secrets: readonly string[];
}

const WORKSPACE_TOKEN_PREFIX = 'prdm_wsp_';
const COMPANY_TOKEN_PREFIX = 'prdm_cmp_';

function requireHeaderValue(name: string, value: unknown, issues: Issue[], when = ''): value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    issues.push({ path: name, message: value === undefined ? `is required${when} (${envName(name)})` : `must be a non-empty string, got ${kindOf(value)}` });
    return false;
  }
  // A line break in a header value would let a value inject headers of its own.
  if (/[\r\n\0]/.test(value)) {
    issues.push({ path: name, message: 'must not contain line breaks' });
    return false;
  }
  return true;
}

/**
 * Picks the authentication mode from the secret's prefix (`prdm_wsp_` workspace token,
 * `prdm_cmp_` company token, anything else the secret of a key pair) and builds its headers.
 * Appends to `issues`, and returns `undefined`, when the combination is incomplete.
 * Issues never contain a secret.
 */
export function resolveAuth(credentials: Credentials, issues: Issue[]): ResolvedAuth | undefined {
  const { apiKey, apiSecret, workspaceUid } = credentials;
  const secretOk = requireHeaderValue('apiSecret', apiSecret, issues);
  if (secretOk && apiSecret.startsWith(WORKSPACE_TOKEN_PREFIX)) return { mode: 'workspaceToken', headers: { authorization: `Bearer ${apiSecret}` }, secrets: [apiSecret] };
  if (secretOk && apiSecret.startsWith(COMPANY_TOKEN_PREFIX)) {
    return requireHeaderValue('workspaceUid', workspaceUid, issues, ' with a company token (prdm_cmp_…)')
      ? { mode: 'companyToken', headers: { authorization: `Bearer ${apiSecret}`, 'x-paradime-workspace': workspaceUid }, secrets: [apiSecret] }
      : undefined;
  }
  // Without a valid secret the mode is unknown: a missing key is reported too, as the most likely case.
  const keyOk = requireHeaderValue('apiKey', apiKey, issues, ' with a key-pair secret (one that is not a prdm_wsp_ or prdm_cmp_ token)');
  return secretOk && keyOk ? { mode: 'keyPair', headers: { 'x-api-key': apiKey, 'x-api-secret': apiSecret }, secrets: [apiSecret] } : undefined;
}

/** A copy of headers safe to log: secrets replaced, an API key shortened to its last four characters. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'x-api-secret') safe[name] = '[redacted]';
    else if (name === 'authorization') safe[name] = value.replace(/^(\S+\s+).*$/s, '$1[redacted]');
    else if (name === 'x-api-key') safe[name] = value.length > 8 ? `…${value.slice(-4)}` : '[redacted]';
    else safe[name] = value;
  }
  return safe;
}
