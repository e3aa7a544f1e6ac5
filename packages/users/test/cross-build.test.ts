import { createRequire } from 'node:module';
import { EXAMPLE_CREDENTIALS } from '@roster/fixtures';
import { describe, expect, it } from 'vitest';
import * as esm from '@roster/client';
import { isRosterError, NotFoundError, RosterError, ValidationError } from '../src/index.js';
import { useWorkspace } from './helpers.js';

// The ESM build (what `import` loads) and the CommonJS build (what `require` loads) of
// @roster/client, side by side, as in an app whose dependencies mix both.
const cjs = createRequire(import.meta.url)('@roster/client') as typeof esm;
const ctx = useWorkspace();

describe('errors match across the ESM and CommonJS builds', () => {
  it('are two copies of the classes', () => {
    expect(cjs.RosterError).not.toBe(esm.RosterError);
    expect(esm.RosterError).toBe(RosterError);
  });

  it('an error of the CommonJS client is an instance of the ESM classes, and the other way round', async () => {
    const fromCjs = await cjs
      .createClient({ apiEndpoint: ctx.server.url, ...EXAMPLE_CREDENTIALS.admin })
      .execute(cjs.DisableUserDocument, { uid: 'f'.repeat(64) })
      .catch((error: unknown) => error);
    expect(fromCjs).toBeInstanceOf(cjs.NotFoundError);
    expect(fromCjs).toBeInstanceOf(NotFoundError);
    expect(fromCjs).toBeInstanceOf(RosterError);
    expect(fromCjs).toBeInstanceOf(Error);
    expect(fromCjs).not.toBeInstanceOf(ValidationError);
    expect(isRosterError(fromCjs)).toBe(true);

    const fromEsm = await esm
      .createClient({ apiEndpoint: ctx.server.url, ...EXAMPLE_CREDENTIALS.admin })
      .execute(esm.DisableUserDocument, { uid: 'f'.repeat(64) })
      .catch((error: unknown) => error);
    expect(fromEsm).toBeInstanceOf(cjs.NotFoundError);
    expect(fromEsm).toBeInstanceOf(cjs.RosterError);
    expect(fromEsm).not.toBeInstanceOf(cjs.ValidationError);
    expect(cjs.isRosterError(fromEsm)).toBe(true);
  });

  it('a plain Error, or a look-alike without the brand, is not a RosterError', () => {
    const lookAlike = Object.assign(new Error('x'), { code: 'NOT_FOUND', name: 'NotFoundError' });
    expect(lookAlike).not.toBeInstanceOf(NotFoundError);
    expect(lookAlike).not.toBeInstanceOf(cjs.RosterError);
    expect(isRosterError(lookAlike)).toBe(false);
    expect(isRosterError(null)).toBe(false);
  });
});
