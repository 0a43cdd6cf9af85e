const BARS = '▁▂▃▄▅▆▇█';

export interface SparklineScale {
  /** The value drawn as a full bar: by default the largest of `values`; give one to share a scale. */
  max?: number;
  /** How a value between two bar heights is placed: Math.floor (default) fills the top bar only at `max`. */
  round?: (bars: number) => number;
}

/** One bar character per value, the empty bar for zero (and for all values when `max` is 0). */
export function sparkline(values: readonly number[], { max = Math.max(0, ...values), round = Math.floor }: SparklineScale = {}): string {
  const top = BARS.length - 1;
  return values.map((v) => BARS[max > 0 ? Math.min(top, round((v / max) * top)) : 0]).join('');
}
