import { describe, expect, it } from 'vitest';
import { backtest, bestModel } from '../../src/staffing/backtest.js';
import {
  holtWintersAdditive,
  holtWintersDamped,
  modelsFor,
  seasonalAverage,
  seasonalNaive,
} from '../../src/staffing/forecast-models.js';
import { holtWintersForecast, runHoltWinters } from '../../src/staffing/holt-winters.js';

const WEEKLY = [30, 42, 40, 38, 35, 12, 8];
const trendSeason = (n: number, from = 0): number[] =>
  Array.from({ length: n }, (_, i) => 100 + 2 * (from + i) + WEEKLY[(from + i) % 7]! - 29.285714285714285);

/** A deterministic pseudo-random stream, so the noisy series is the same in every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('forecast models', () => {
  it('seasonal naive repeats the last week; the seasonal average means each weekday', () => {
    const history = [1, 2, 3, 4, 5, 6, 7, 3, 4, 5, 6, 7, 8, 9];
    expect(seasonalNaive.forecast(history, 9)).toEqual([3, 4, 5, 6, 7, 8, 9, 3, 4]);
    expect(seasonalAverage(2).forecast(history, 7)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // Only as many weeks as the history holds.
    expect(seasonalAverage(8).forecast(history, 1)).toEqual([2]);
  });

  it('Holt-Winters continues a known level, trend and weekly season exactly', () => {
    const history = trendSeason(56);
    const state = runHoltWinters(history, 7, { alpha: 0.4, beta: 0.1, gamma: 0.2, phi: 1 });
    expect(state.sse).toBeLessThan(1e-18);
    expect(state.trend).toBeCloseTo(2, 10);
    const expected = trendSeason(14, 56);
    holtWintersForecast(state, 14).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 8));
    // The fitted model (any smoothing parameters fit a noise-free series) agrees.
    holtWintersAdditive.forecast(history, 14).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it('the damped trend flattens: each step adds φ^h of the slope', () => {
    const state = runHoltWinters(trendSeason(56), 7, { alpha: 0.4, beta: 0.1, gamma: 0.2, phi: 0.9 });
    const [a, b, c] = holtWintersForecast({ ...state, season: new Array(7).fill(0) }, 3);
    expect((c! - b!) / (b! - a!)).toBeCloseTo(0.9, 10);
    expect(holtWintersDamped.forecast(trendSeason(56), 84).every((v) => v >= 0)).toBe(true);
  });

  it('on a noisy series with a weekly pattern the backtest picks a seasonal smoother that beats seasonal naive', () => {
    const random = lcg(7);
    const series = Array.from({ length: 16 * 7 }, (_, i) => WEEKLY[i % 7]! * 2 + (random() - 0.5) * 20);
    const tested = backtest(series, modelsFor(8), 84);
    expect(tested.folds).toBe(4);
    expect(tested.evaluationDays).toBe(28);
    const chosen = bestModel(tested.scores);
    expect(chosen).not.toBe('seasonal-naive');
    const score = (name: string) => tested.scores.find((s) => s.model === name)!;
    expect(score(chosen).mase).toBeLessThan(score('seasonal-naive').mase);
    expect(score(chosen).smape).toBeLessThan(score('seasonal-naive').smape);
    expect(score(chosen).mape!).toBeLessThan(score('seasonal-naive').mape!);
    expect(tested.residuals.get(chosen)).toHaveLength(4 * 28);
  });

  it('has no MAPE when a backtest day had no tickets', () => {
    const series = Array.from({ length: 6 * 7 }, (_, i) => (i % 7 === 6 ? 0 : 10 + (i % 7)));
    expect(backtest(series, modelsFor(8), 28).scores.every((s) => s.mape === null)).toBe(true);
  });
});
