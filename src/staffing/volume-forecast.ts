import { percentile } from '../metrics/percentile.js';
import { backtest, bestModel, type BacktestScore } from './backtest.js';
import { modelsFor, SEASON, type ModelName } from './forecast-models.js';

/** Four weeks: two to fit a weekly season, two to test it on. */
export const MIN_HISTORY_DAYS = 4 * SEASON;

/** Compound growth on top of the model (e.g. a sales plan): `rate` per `periodDays`. */
export interface Growth {
  rate: number;
  periodDays: number;
}

/** A launch or campaign: volume × (1 + change) for `days` days from `startDay`. */
export interface VolumeEvent {
  startDay: number;
  change: number;
  days: number;
}

export interface VolumeForecastOptions {
  horizonDays: number;
  /** Force a model instead of choosing by backtest. */
  model?: ModelName;
  /** Weeks in the seasonal average. */
  averageWeeks: number;
  /** Central coverage of the prediction interval, e.g. 0.8. */
  level: number;
  growth?: Growth;
  events: VolumeEvent[];
}

export interface DailyForecast {
  day: number;
  volume: number;
  low: number;
  high: number;
}

export interface VolumeForecast {
  model: { name: ModelName | 'flat'; chosenBy: 'backtest' | 'flag' | 'fallback' };
  backtest: BacktestScore[];
  evaluation: { days: number; folds: number };
  daily: DailyForecast[];
  warnings: string[];
}

/** Multiplier for growth and events on `day`, `ahead` days after the history ends. */
function adjustment(day: number, ahead: number, options: VolumeForecastOptions): number {
  let factor = options.growth ? (1 + options.growth.rate) ** (ahead / options.growth.periodDays) : 1;
  for (const event of options.events) {
    if (day >= event.startDay && day < event.startDay + event.days) factor *= 1 + event.change;
  }
  return factor;
}

/**
 * Forecasts daily volume after `counts` (one per day from `firstDay`). With four weeks or more the
 * model is picked by rolling-origin backtest (or forced); the interval comes from that
 * backtest's errors, widened by √(lead / tested lead) beyond the leads it tested. With less
 * history it falls back to the mean, with the interval of the days seen.
 */
export function forecastVolume(firstDay: number, counts: readonly number[], options: VolumeForecastOptions): VolumeForecast {
  const n = counts.length;
  const lastDay = firstDay + n - 1;
  const tail = (1 - options.level) / 2;
  const emit = (point: (i: number) => number, lowOffset: (i: number) => number, highOffset: (i: number) => number): DailyForecast[] =>
    Array.from({ length: options.horizonDays }, (_, i) => {
      const day = lastDay + 1 + i;
      const factor = adjustment(day, i + 1, options);
      const volume = Math.max(0, point(i));
      return {
        day,
        volume: volume * factor,
        low: Math.max(0, volume + lowOffset(i)) * factor,
        high: Math.max(0, volume + highOffset(i)) * factor,
      };
    });

  if (n < MIN_HISTORY_DAYS) {
    const mean = n === 0 ? 0 : counts.reduce((s, c) => s + c, 0) / n;
    const low = percentile(counts, tail * 100) ?? 0;
    const high = percentile(counts, (1 - tail) * 100) ?? 0;
    return {
      model: { name: 'flat', chosenBy: 'fallback' },
      backtest: [],
      evaluation: { days: 0, folds: 0 },
      daily: emit(() => mean, () => low - mean, () => high - mean),
      warnings: [
        `only ${n} day${n === 1 ? '' : 's'} of history (a forecast needs at least ${MIN_HISTORY_DAYS}); using the flat daily mean of ${mean.toFixed(1)} with no weekly pattern`,
      ],
    };
  }

  const models = modelsFor(options.averageWeeks);
  const tested = backtest(counts, models, options.horizonDays);
  const name = options.model ?? bestModel(tested.scores);
  const model = models.find((m) => m.name === name)!;
  const point = model.forecast(counts, options.horizonDays);
  const residuals = tested.residuals.get(name)!;
  const lowOffset = percentile(residuals, tail * 100)!;
  const highOffset = percentile(residuals, (1 - tail) * 100)!;
  const widen = (i: number): number => Math.sqrt(Math.max(1, (i + 1) / tested.evaluationDays));
  return {
    model: { name, chosenBy: options.model ? 'flag' : 'backtest' },
    backtest: tested.scores,
    evaluation: { days: tested.evaluationDays, folds: tested.folds },
    daily: emit((i) => point[i]!, (i) => lowOffset * widen(i), (i) => highOffset * widen(i)),
    warnings: [],
  };
}
