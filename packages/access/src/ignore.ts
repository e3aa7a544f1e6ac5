/**
 * A test for the addresses a roster file's `ignore` list names: exact addresses or patterns
 * where `*` stands for any run of characters, all compared ignoring case.
 * @example
 * ```ts
 * const ignored = ignoreMatcher(['breakglass@acme.io', '*@svc.acme.io']);
 * ignored('CI@svc.acme.io'); // true
 * ```
 */
export function ignoreMatcher(patterns: readonly string[]): (email: string) => boolean {
  const exact = new Set<string>();
  const globs: RegExp[] = [];
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    if (!lower.includes('*')) exact.add(lower);
    else globs.push(new RegExp(`^${lower.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's'));
  }
  if (exact.size === 0 && globs.length === 0) return () => false;
  return (email) => {
    const lower = email.toLowerCase();
    return exact.has(lower) || globs.some((glob) => glob.test(lower));
  };
}
