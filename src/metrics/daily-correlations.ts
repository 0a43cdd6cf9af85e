import type { NumberColumn } from '../model/table.js';
import type { Derived } from './derive.js';
import { groupBy, scatter, type DaySpan } from './grouping.js';
import { groupMedians } from './group-medians.js';
import { pearson, spearman } from './correlation.js';
import type { Correlation } from './types.js';

export interface DailySeries {
  /** Name in the result, e.g. "firstReplyMedianMinutes". */
  name: string;
  values: NumberColumn;
  solvedOnly: boolean;
}

/**
 * Does a metric hold as volume rises? For each series: per day of the period, the tickets
 * created that day against the median of the series over those tickets, correlated over the
 * days that have a median (Pearson for a straight-line link, Spearman for any steady one).
 */
export function dailyCorrelations(
  derived: Derived,
  rows: Int32Array,
  span: DaySpan | null,
  scratch: Float64Array,
  series: readonly DailySeries[],
): Correlation[] {
  if (span === null) return series.map((s) => ({ x: 'createdPerDay', y: s.name, n: 0, pearson: null, spearman: null }));
  const length = span.last - span.first + 1;
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = derived.createdDay[rows[i]!]! - span.first;
  const grouping = groupBy(rows, codes, length);
  const solved = scatter(derived.solved, grouping);
  return series.map(({ name, values, solvedOnly }) => {
    const { medians: dayMedians } = groupMedians(values, grouping, solvedOnly ? solved : null, scratch);
    const volume: number[] = [];
    const medians: number[] = [];
    for (let day = 0; day < length; day++) {
      const median = dayMedians[day];
      if (median == null) continue;
      volume.push(grouping.starts[day + 1]! - grouping.starts[day]!);
      medians.push(median);
    }
    return { x: 'createdPerDay', y: name, n: volume.length, pearson: pearson(volume, medians), spearman: spearman(volume, medians) };
  });
}
