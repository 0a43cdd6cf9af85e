import { percentileSorted } from './percentile.js';

/** Scales MAD to a standard deviation under normality (Iglewicz & Hoaglin's modified z-score). */
const MAD_SCALE = 0.6745;
/** Scales the mean absolute deviation to a standard deviation (IBM's rule for MAD = 0). */
const MEAN_AD_SCALE = 1.253314;

/**
 * Modified z-scores of `values` against their own median: 0.6745·(x − median)/MAD.
 * When more than half the values are equal MAD is 0, so the score falls back to
 * (x − median)/(1.253314·MeanAD), the rule IBM documents for this case. When every value equals
 * the median there is no spread and every score is 0.
 */
export function modifiedZScores(values: readonly number[]): { median: number; scores: number[] } {
  if (values.length === 0) return { median: Number.NaN, scores: [] };
  const median = percentileSorted(Float64Array.from(values).sort(), 50)!;
  const deviations = Float64Array.from(values, (x) => Math.abs(x - median)).sort();
  const mad = percentileSorted(deviations, 50)!;
  if (mad > 0) return { median, scores: values.map((x) => (MAD_SCALE * (x - median)) / mad) };
  const meanAd = deviations.reduce((sum, d) => sum + d, 0) / deviations.length;
  if (meanAd > 0) return { median, scores: values.map((x) => (x - median) / (MEAN_AD_SCALE * meanAd)) };
  return { median, scores: values.map(() => 0) };
}
