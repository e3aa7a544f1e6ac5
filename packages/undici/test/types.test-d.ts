import type { FetchLike } from '@roster/client';
import { expectTypeOf, it } from 'vitest';
import { createUndiciFetch } from '../src/index.js';

it('fits the client’s fetch option, as the global fetch does', () => {
  expectTypeOf(createUndiciFetch()).toExtend<FetchLike>();
  expectTypeOf(globalThis.fetch).toExtend<FetchLike>();
});
