import { mape, mase, naiveScale, smape } from './accuracy.js';
import { SEASON, type ForecastModel, type ModelName } from './forecast-models.js';

export interface BacktestScore {
  model: ModelName;
  /** Mean over folds of MASE, scaled by the seasonal naive error on each fold's training data. */
  mase: number;
  smape: number;
  /** Mean over folds of MAPE; null when a fold has a day with no tickets. */
  mape: number | null;
}

export interface Backtest {
  scores: BacktestScore[];
  /** Days forecast from each origin. */
  evaluationDays: number;
  /** Forecast origins tried, a week apart. */
  folds: number;
  /** Actual − forecast for every fold and lead, per model: what the prediction intervals come from. */
  residuals: Map<ModelName, number[]>;
}

const MAX_EVALUATION_DAYS = 4 * SEASON;

/**
 * Rolling-origin evaluation: from up to `maxFolds` origins a week apart, each model is fitted on
 * the history before the origin and scored on the days after it, as far as `horizonDays`
 * (capped at four weeks, since the history must leave room for training).
 */
export function backtest(series: ArrayLike<number>, models: ForecastModel[], horizonDays: number, maxFolds = 4): Backtest {
  const n = series.length;
  // Every model must be able to fit on the training data of the earliest origin.
  const minTrain = Math.max(...models.map((model) => model.minHistory));
  const evaluationDays = Math.min(MAX_EVALUATION_DAYS, horizonDays, n - minTrain);
  const origins: number[] = [];
  for (let origin = n - evaluationDays; origin >= minTrain && origins.length < maxFolds; origin -= SEASON) origins.push(origin);
  const residuals = new Map<ModelName, number[]>();
  const scores = models.map((model) => {
    const errors: number[] = [];
    let maseSum = 0;
    let smapeSum = 0;
    let mapeSum: number | null = 0;
    for (const origin of origins) {
      const train = Array.prototype.slice.call(series, 0, origin) as number[];
      const actual = Array.prototype.slice.call(series, origin, origin + evaluationDays) as number[];
      const predicted = model.forecast(train, evaluationDays);
      const scale = naiveScale(train, SEASON);
      // A perfectly repeating training history has no naive error to scale by; use MAE itself.
      maseSum += mase(actual, predicted, scale > 0 ? scale : 1);
      smapeSum += smape(actual, predicted);
      const foldMape = mape(actual, predicted);
      mapeSum = mapeSum === null || foldMape === null ? null : mapeSum + foldMape;
      actual.forEach((a, i) => errors.push(a - predicted[i]!));
    }
    residuals.set(model.name, errors);
    const folds = origins.length;
    return { model: model.name, mase: maseSum / folds, smape: smapeSum / folds, mape: mapeSum === null ? null : mapeSum / folds };
  });
  return { scores, evaluationDays, folds: origins.length, residuals };
}

/** The lowest MASE wins; on a tie the earlier (simpler) model in the list. */
export function bestModel(scores: BacktestScore[]): ModelName {
  let best = scores[0]!;
  for (const score of scores) if (score.mase < best.mase - 1e-12) best = score;
  return best.model;
}
