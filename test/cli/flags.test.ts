import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UsageError } from '../../src/errors.js';
import { parseFlags, periodBounds, wholeNumber, wholeNumberFlag } from '../../src/cli/flags.js';

describe('periodBounds', () => {
  it('covers --from to the end of the --to day, in the time zone', () => {
    expect(periodBounds('2024-03-01', '2024-03-01', 'Europe/Berlin')).toEqual({
      from: Date.UTC(2024, 1, 29, 23),
      to: Date.UTC(2024, 2, 1, 23),
    });
  });

  it.each([
    [['2024-02-31', undefined], '--from: "2024-02-31" is not a day as YYYY-MM-DD'],
    [[undefined, '2024-02-31'], '--to: "2024-02-31" is not a day as YYYY-MM-DD'],
    [['2024-03-02', '2024-03-01'], '--to: must not be before --from'],
  ] as const)('%j → %s', ([from, to], message) => {
    expect(() => periodBounds(from, to, 'UTC')).toThrow(new UsageError(message));
  });
});

describe('whole numbers', () => {
  it.each(['1e3', '2.5', '-1', '0x10', '', ' '])('rejects %j', (text) => {
    expect(() => wholeNumber('--n', text, 1)).toThrow(UsageError);
  });

  it('names the flag and the range', () => {
    expect(() => wholeNumber('--headcount', '0', 1, 100)).toThrow('--headcount: "0" must be a whole number from 1 to 100');
    expect(wholeNumber('--seed', '0', 0)).toBe(0);
  });

  it('reads the same through parseFlags, naming the flag in kebab case', () => {
    const schema = z.object({ minSample: wholeNumberFlag(1) });
    expect(parseFlags(schema, { minSample: '12' })).toEqual({ minSample: 12 });
    expect(() => parseFlags(schema, { minSample: '1.5' })).toThrow('--min-sample: "1.5" must be a whole number of at least 1');
  });

  it('a problem of the flags together names no single flag', () => {
    const schema = z.object({ a: z.string().optional(), b: z.string().optional() }).refine((f) => f.a !== undefined || f.b !== undefined, 'give --a or --b');
    expect(() => parseFlags(schema, {})).toThrow(new UsageError('give --a or --b'));
  });
});
