import type { NumberColumn } from '../model/table.js';
import { collect } from './collect.js';
import { scatter, type Grouping } from './grouping.js';
import { percentileInPlace } from './percentile.js';

export interface GroupMedians {
  /** Median of each group's finite values; null when it has none. */
  medians: (number | null)[];
  /** How many values each median rests on. */
  counts: Int32Array;
}

/**
 * Per group: the median of the finite `values` (only where the grouped `onlyWhere` is 1, when
 * given). The values are scattered into `buffer` and compacted there group by group, so a
 * million-row table costs no column-sized array per call; `buffer` must hold every grouped row.
 */
export function groupMedians(values: NumberColumn, grouping: Grouping, onlyWhere: Uint8Array | null, buffer: Float64Array): GroupMedians {
  const grouped = scatter(values, grouping, buffer);
  const groupCount = grouping.starts.length - 1;
  const medians: (number | null)[] = [];
  const counts = new Int32Array(groupCount);
  for (let g = 0; g < groupCount; g++) {
    const start = grouping.starts[g]!;
    // Compacting in place is safe: a value is written at or before the slot it was read from.
    const found = collect(grouped, start, grouping.starts[g + 1]!, onlyWhere, grouped.subarray(start));
    medians.push(percentileInPlace(found, 50));
    counts[g] = found.length;
  }
  return { medians, counts };
}
