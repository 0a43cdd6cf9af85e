import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupMedians } from '../../src/metrics/group-medians.js';
import { groupBy } from '../../src/metrics/grouping.js';
import { percentile } from '../../src/metrics/percentile.js';

describe('groupMedians', () => {
  it('matches the median of each group gathered on its own, solved-only or not', () => {
    const row = fc.record({
      group: fc.integer({ min: 0, max: 3 }),
      value: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 500 })),
      solved: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (tickets, solvedOnly) => {
        const rows = Int32Array.from(tickets, (_, i) => i);
        const grouping = groupBy(rows, Int32Array.from(tickets, (t) => t.group), 4);
        const groupedSolved = new Uint8Array(tickets.length);
        tickets.forEach((t, i) => (groupedSolved[grouping.destination[i]!] = t.solved ? 1 : 0));
        const values = Float64Array.from(tickets, (t) => t.value);
        const result = groupMedians(values, grouping, solvedOnly ? groupedSolved : null, new Float64Array(tickets.length));
        for (let g = 0; g < 4; g++) {
          const own = tickets.filter((t) => t.group === g && !Number.isNaN(t.value) && (!solvedOnly || t.solved)).map((t) => t.value);
          expect(result.counts[g]).toBe(own.length);
          expect(result.medians[g]).toBe(percentile(own, 50));
        }
        // The values passed in are left as they were: only the buffer is reordered.
        expect(Array.from(values)).toEqual(tickets.map((t) => t.value));
      }),
    );
  });

  it('medians [1, 2, 3] → 2 and [4, 10] → 7 when grouped apart', () => {
    const grouping = groupBy(Int32Array.of(0, 1, 2, 3, 4), Int32Array.of(1, 0, 1, 0, 0), 2);
    const result = groupMedians(Float64Array.of(4, 1, 10, 3, 2), grouping, null, new Float64Array(5));
    expect(result.medians).toEqual([2, 7]);
    expect(Array.from(result.counts)).toEqual([3, 2]);
  });
});
