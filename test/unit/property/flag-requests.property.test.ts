/**
 * The flag-only requests (detect, getSession, getLatestJob) are checked by dispatch without zod: the check must
 * accept and refuse exactly what their zod schemas in common/api.ts do, and pass on the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../common/api';
import { checkFlagRequest, FLAG_REQUESTS } from '../../../common/flag-requests';
import type { FlagMethod } from '../../../common/flag-requests';

const key = fc.oneof(
  fc.constantFrom('refresh', 'Refresh', '__proto__', 'constructor', 'toString', ''),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.constant({}),
  fc.constant([]),
);
const request = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 3 }),
  fc.record({ refresh: value }, { requiredKeys: [] }),
  fc.constantFrom(null, undefined, 0, 'detect', [], [true], true),
);

describe('flag-only requests without zod', () => {
  it('accept and refuse exactly what the zod schemas do, with the same value', () => {
    for (const method of Object.keys(FLAG_REQUESTS) as FlagMethod[]) {
      fc.assert(
        fc.property(request, (input) => {
          const zod = requestSchemas[method].safeParse(input);
          const flags = checkFlagRequest(FLAG_REQUESTS[method], input);
          expect(flags.ok, `${method} ${JSON.stringify(input)}`).toBe(zod.success);
          if (flags.ok && zod.success)
            expect(JSON.parse(JSON.stringify(flags.value))).toEqual(JSON.parse(JSON.stringify(zod.data)));
        }),
        { numRuns: 500 },
      );
    }
  });
});
