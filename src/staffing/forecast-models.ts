import { fitHoltWinters, holtWintersForecast } from './holt-winters.js';

/** Daily ticket counts repeat weekly. */
export const SEASON = 7;

export const MODEL_NAMES = ['seasonal-naive', 'seasonal-average', 'holt-winters', 'holt-winters-damped'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface ForecastModel {
  name: ModelName;
  /** Fewest days of history the model can be fitted on. */
  minHistory: number;
  forecast(history: ArrayLike<number>, horizon: number): number[];
}

/** Next week is last week, repeated. */
export const seasonalNaive: ForecastModel = {
  name: 'seasonal-naive',
  minHistory: SEASON,
  forecast(history, horizon) {
    const n = history.length;
    return Array.from({ length: horizon }, (_, i) => history[n - SEASON + (i % SEASON)]!);
  },
};

/**
 * Each weekday is the mean of the same weekday over the last `weeks` weeks (the "8-week average"
 * of commercial WFM tools; Barrow 2016 finds it hard to beat at capacity-planning horizons).
 */
export function seasonalAverage(weeks: number): ForecastModel {
  return {
    name: 'seasonal-average',
    minHistory: SEASON,
    forecast(history, horizon) {
      const n = history.length;
      const perWeekday = Array.from({ length: SEASON }, (_, d) => {
        let sum = 0;
        let count = 0;
        for (let t = n - SEASON + d; t >= 0 && count < weeks; t -= SEASON) {
          sum += history[t]!;
          count++;
        }
        return sum / count;
      });
      return Array.from({ length: horizon }, (_, i) => perWeekday[i % SEASON]!);
    },
  };
}

function holtWinters(damped: boolean): ForecastModel {
  return {
    name: damped ? 'holt-winters-damped' : 'holt-winters',
    minHistory: 2 * SEASON,
    forecast: (history, horizon) =>
      // Counts cannot be negative, however steep a fitted downward trend.
      holtWintersForecast(fitHoltWinters(history, SEASON, damped), horizon).map((v) => Math.max(0, v)),
  };
}

export const holtWintersAdditive = holtWinters(false);
export const holtWintersDamped = holtWinters(true);

export function modelsFor(averageWeeks: number): ForecastModel[] {
  return [seasonalNaive, seasonalAverage(averageWeeks), holtWintersAdditive, holtWintersDamped];
}
