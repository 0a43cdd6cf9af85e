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

/**
 * Hoare quickselect: moves the k-th smallest of a[lo..hi] (inclusive) to a[k], with nothing
 * larger before it and nothing smaller after it. Two-pointer partitioning keeps runs of equal
 * durations balanced.
 */
function select(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo]!;
    const y = a[(lo + hi) >> 1]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Ascending distinct ranks → their order statistics, by successive selections; reorders `a`. */
function selectAll(a: Float64Array, ranks: readonly number[]): number[] {
  let lo = 0;
  return ranks.map((k) => {
    select(a, k, lo, a.length - 1);
    lo = k + 1;
    return a[k]!;
  });
}

/** From this many values a radix pass first narrows the search to a few small buckets. */
const RADIX_MIN = 8192;
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Order statistics of a large array in two sequential passes: a histogram of the top 16 bits of
 * each double (mapped so the integer order is the numeric order), then only the values in the
 * buckets holding the wanted ranks are gathered and selected in. Branch-light, so about twice
 * as fast as quickselect from a few thousand values on.
 */
const radixCounts = new Int32Array(1 << 16);
const radixSlots = new Int8Array(1 << 16).fill(-1);

function radixSelectAll(a: Float64Array, ranks: readonly number[]): number[] {
  const n = a.length;
  const words = new Uint32Array(a.buffer, a.byteOffset, n * 2);
  const keyAt = (i: number): number => {
    const high = words[2 * i + HIGH_WORD]!;
    return high & 0x80000000 ? ~high >>> 16 : (high >>> 16) | 0x8000;
  };
  // Module-level buffers (this runs once per group): reset below, as every call must leave them.
  const counts = radixCounts;
  const slot = radixSlots;
  for (let i = 0; i < n; i++) counts[keyAt(i)]!++;
  const wanted: { slot: number; offset: number }[] = [];
  const sizes: number[] = [];
  const buckets: number[] = [];
  let bucket = 0;
  let before = 0;
  for (const k of ranks) {
    while (before + counts[bucket]! <= k) before += counts[bucket++]!;
    if (slot[bucket] === -1) {
      slot[bucket] = sizes.length;
      sizes.push(counts[bucket]!);
      buckets.push(bucket);
    }
    wanted.push({ slot: slot[bucket]!, offset: k - before });
  }
  const gathered = sizes.map((size) => new Float64Array(size));
  const filled = new Int32Array(sizes.length);
  for (let i = 0; i < n; i++) {
    const s = slot[keyAt(i)]!;
    if (s >= 0) gathered[s]![filled[s]!++] = a[i]!;
  }
  counts.fill(0);
  for (const b of buckets) slot[b] = -1;
  return wanted.map(({ slot: s, offset }) => {
    const values = gathered[s]!;
    select(values, offset, 0, values.length - 1);
    return values[offset]!;
  });
}

/**
 * Order statistics of whole numbers from 0 to at most max(n, 65,535), by counting each value:
 * two sequential passes and a walk over the counts. Durations in whole minutes are what most
 * exports hold, and there this is ~5× faster than the radix pass (whose top-16-bit buckets are
 * coarse over such a narrow range). Undefined when a value is not such a whole number.
 */
function countingSelectAll(a: Float64Array, ranks: readonly number[]): number[] | undefined {
  const n = a.length;
  const limit = Math.max(n, 65_535);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    // Also false for a fraction, a negative number or one past the limit.
    if (!((v | 0) === v && v >= 0 && v <= limit)) return undefined;
    if (v > max) max = v;
  }
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) counts[a[i]!]!++;
  let value = 0;
  let upTo = counts[0]!;
  return ranks.map((k) => {
    while (upTo <= k) upTo += counts[++value]!;
    return value;
  });
}

/** The order statistics (0-based ranks, ascending, distinct) of NaN-free values; reorders them. */
function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  if (values.length < RADIX_MIN) return selectAll(values, ranks);
  return countingSelectAll(values, ranks) ?? radixSelectAll(values, ranks);
}

/** Percentiles (0–100) of NaN-free values without sorting them all; reorders `values`. */
function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const positions = ps.map((p) => ((n - 1) * p) / 100);
  const ranks = [...new Set(positions.flatMap((r) => [Math.floor(r), Math.min(Math.ceil(r), n - 1)]))].sort((a, b) => a - b);
  const found = new Map<number, number>();
  orderStatistics(values, ranks).forEach((value, i) => found.set(ranks[i]!, value));
  return positions.map((r) => {
    const low = found.get(Math.floor(r))!;
    const high = found.get(Math.min(Math.ceil(r), n - 1))!;
    return low + (high - low) * (r - Math.floor(r));
  });
}

/** The p-th percentile (0–100) of NaN-free values in linear time; reorders them. Null when empty. */
export function percentileInPlace(values: Float64Array, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  return values.length === 0 ? null : percentilesInPlace(values, [p])[0]!;
}

/** Summary of NaN-free values in linear time; reorders them. */
export function summarizeInPlace(values: Float64Array): DistributionSummary {
  const n = values.length;
  if (n === 0) return { count: 0, mean: null, median: null, p90: null, p95: null };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const [median, p90, p95] = percentilesInPlace(values, [50, 90, 95]);
  return { count: n, mean: sum / n, median: median!, p90: p90!, p95: p95! };
}

/** The finite values of `values` in a fresh typed array (NaN = missing is dropped). */
function finiteCopy(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) out[n++] = v;
  }
  return out.subarray(0, n);
}

/** The `p`-th percentile (0–100) of the finite values (NaN = missing is skipped); null when none. */
export const percentile = (values: ArrayLike<number>, p: number): number | null => percentileInPlace(finiteCopy(values), p);

/** count, mean, median, p90 and p95 of the finite values (NaN = missing is skipped). */
export const summarize = (values: ArrayLike<number>): DistributionSummary => summarizeInPlace(finiteCopy(values));
