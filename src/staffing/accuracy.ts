/**
 * Forecast accuracy measures. sMAPE is pinned to R Metrics' definition, a fraction bounded by 2:
 * mean(2|a − p| / (|a| + |p|)); a day where both are 0 counts as a perfect forecast.
 */

export function meanAbsoluteError(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i]! - predicted[i]!);
  return sum / actual.length;
}

export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]!) + Math.abs(predicted[i]!);
    if (denominator > 0) sum += (2 * Math.abs(actual[i]! - predicted[i]!)) / denominator;
  }
  return sum / actual.length;
}

/**
 * mean(|a − p| / |a|), as a fraction; null when an actual is zero (a quiet day), where the
 * percentage error is undefined. The figure WFM tools show, next to the sounder MASE and sMAPE.
 */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number | null {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    if (actual[i] === 0) return null;
    sum += Math.abs(actual[i]! - predicted[i]!) / Math.abs(actual[i]!);
  }
  return sum / actual.length;
}

/** Mean absolute change over `step` observations: the error of a naive forecast on `series` itself. */
export function naiveScale(series: ArrayLike<number>, step: number): number {
  let sum = 0;
  for (let i = step; i < series.length; i++) sum += Math.abs(series[i]! - series[i - step]!);
  return sum / (series.length - step);
}

/**
 * MASE (Hyndman & Koehler 2006): the forecast's MAE over the in-sample MAE of the (seasonal)
 * naive method, so below 1 beats repeating last week.
 */
export function mase(actual: ArrayLike<number>, predicted: ArrayLike<number>, scale: number): number {
  return meanAbsoluteError(actual, predicted) / scale;
}
