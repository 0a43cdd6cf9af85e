import { minimise } from './nelder-mead.js';

/**
 * Additive Holt-Winters (ETS(A,A,A), or ETS(A,Ad,A) with a damping factor φ < 1):
 *   level    ℓt = α(yt − st−m) + (1 − α)(ℓt−1 + φbt−1)
 *   trend    bt = β(ℓt − ℓt−1) + (1 − β)φbt−1
 *   season   st = γ(yt − ℓt−1 − φbt−1) + (1 − γ)st−m
 *   forecast ŷt+h = ℓt + (φ + … + φ^h)bt + st+h−m(k+1)
 */
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  /** 1 for an undamped trend. */
  phi: number;
}

export interface HoltWintersState {
  level: number;
  trend: number;
  /** The last m seasonal terms, oldest first: season[i] applies m − i steps after the end. */
  season: number[];
  params: HoltWintersParams;
  /** Sum of squared one-step errors over the series. */
  sse: number;
}

/**
 * Starting states from the first two seasons, placed so a noise-free linear trend plus season
 * produces zero one-step errors: trend from the change in seasonal means, level at t = −1.
 */
function initialState(y: ArrayLike<number>, m: number): { level: number; trend: number; season: number[] } {
  let first = 0;
  let second = 0;
  for (let i = 0; i < m; i++) {
    first += y[i]!;
    second += y[m + i]!;
  }
  first /= m;
  second /= m;
  const trend = (second - first) / m;
  const levelAtZero = first - (trend * (m - 1)) / 2;
  const season = Array.from({ length: m }, (_, i) => y[i]! - (levelAtZero + trend * i));
  return { level: levelAtZero - trend, trend, season };
}

export function runHoltWinters(y: ArrayLike<number>, m: number, params: HoltWintersParams): HoltWintersState {
  const { alpha, beta, gamma, phi } = params;
  let { level, trend, season } = initialState(y, m);
  season = [...season];
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const seasonal = season[t % m]!;
    const expectedLevel = level + phi * trend;
    const error = y[t]! - (expectedLevel + seasonal);
    sse += error * error;
    const nextLevel = alpha * (y[t]! - seasonal) + (1 - alpha) * expectedLevel;
    trend = beta * (nextLevel - level) + (1 - beta) * phi * trend;
    season[t % m] = gamma * (y[t]! - expectedLevel) + (1 - gamma) * seasonal;
    level = nextLevel;
  }
  // Rotate so season[0] is the term for the first step after the series.
  const start = y.length % m;
  return { level, trend, season: [...season.slice(start), ...season.slice(0, start)], params, sse };
}

export function holtWintersForecast(state: HoltWintersState, horizon: number): number[] {
  const m = state.season.length;
  const out: number[] = [];
  let damping = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= state.params.phi;
    damping += power;
    out.push(state.level + damping * state.trend + state.season[(h - 1) % m]!);
  }
  return out;
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * Smoothing parameters minimising the one-step squared error (as R's HoltWinters and ETS do).
 * γ is kept below 1 − α, the usual admissible region; φ lies in [0.8, 0.98] when damped.
 */
export function fitHoltWinters(y: ArrayLike<number>, m: number, damped: boolean): HoltWintersState {
  const toParams = (x: number[]): HoltWintersParams => {
    const alpha = logistic(x[0]!);
    return {
      alpha,
      beta: logistic(x[1]!),
      gamma: (1 - alpha) * logistic(x[2]!),
      phi: damped ? 0.8 + 0.18 * logistic(x[3]!) : 1,
    };
  };
  const start = damped ? [-1, -3, -2, 0] : [-1, -3, -2];
  const best = minimise((x) => runHoltWinters(y, m, toParams(x)).sse, start);
  return runHoltWinters(y, m, toParams(best));
}
