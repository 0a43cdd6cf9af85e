/**
 * Percentiles by linear interpolation between closest ranks: R type 7, the numpy default and
 * Excel PERCENTILE.INC (DESIGN.md "Metric definitions"). p50 of [1,2,3,4,8] is 3, p90 is 6.4.
 */

/** count, mean and the percentiles every duration metric reports; null when there are no values. */
export interface DistributionSummary {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  p95: number | null;
}

/**
 * The `p`-th percentile (0–100) of values already sorted ascending, NaN-free.
 * Returns null for an empty input, since no percentile exists.
 */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const rank = ((n - 1) * p) / 100;
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, n - 1);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (rank - lower);
}

/** The finite values of `values`, sorted ascending, in a fresh typed array. */
export function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n).sort();
}

/** The `p`-th percentile (0–100) of the finite values (NaN = missing is skipped); null when none. */
export const percentile = (values: ArrayLike<number>, p: number): number | null =>
  percentileSorted(sortedFinite(values), p);

/** Summary of values already sorted ascending and NaN-free. */
export function summarizeSorted(sorted: ArrayLike<number>): DistributionSummary {
  const n = sorted.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null, p95: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  return {
    count: n,
    mean: sum / n,
    median: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
  };
}

/** count, mean, median, p90 and p95 of the finite values (NaN = missing is skipped). */
export const summarize = (values: ArrayLike<number>): DistributionSummary => summarizeSorted(sortedFinite(values));
