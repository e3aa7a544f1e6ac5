/**
 * A function that returns a copy of a value with every secret replaced by `[redacted]`: in
 * strings, object keys and values, arrays, and errors (message, stack, cause, own fields).
 * It runs on values after JSON decoding, so that a secret a server escaped (`\/`, `\u0022`…)
 * is caught in its decoded form. An error without a secret comes back as is.
 */
export function redactor(secrets: readonly string[]): <T>(value: T) => T {
  let found = 0;
  const scrub = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      let safe = value;
      for (const secret of secrets) if (safe.includes(secret)) safe = safe.replaceAll(secret, '[redacted]');
      if (safe !== value) found++;
      return safe;
    }
    // Deeper than any GraphQL answer: a cycle (possible in a thrown error) ends here.
    if (typeof value !== 'object' || value === null || depth > 32) return value;
    if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
    const before = found;
    const fields: object = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]): [string, unknown] => [scrub(key, depth) as string, scrub(item, depth + 1)]));
    if (!(value instanceof Error)) return fields;
    const copy = Object.assign(new Error(scrub(value.message, depth) as string, { cause: scrub(value.cause, depth + 1) }), fields, {
      name: value.name,
      stack: scrub(value.stack, depth),
    });
    return found === before ? value : copy;
  };
  return <T,>(value: T) => scrub(value, 0) as T;
}
