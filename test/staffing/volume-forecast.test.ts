import { describe, expect, it } from 'vitest';
import { forecastVolume } from '../../src/staffing/volume-forecast.js';

const flatWeeks = (weeks: number): number[] => Array.from({ length: weeks * 7 }, (_, i) => [20, 30, 30, 30, 30, 10, 10][i % 7]!);
const base = { horizonDays: 14, averageWeeks: 8, level: 0.8, events: [] };

describe('forecastVolume', () => {
  it('falls back to the flat mean with a warning under four weeks of history', () => {
    const result = forecastVolume(100, [10, 20, 30], base);
    expect(result.model).toEqual({ name: 'flat', chosenBy: 'fallback' });
    expect(result.warnings[0]).toMatch(/only 3 days of history/);
    expect(result.daily[0]).toEqual({ day: 103, volume: 20, low: 12, high: 28 });
  });

  it('honours a forced model and reports every backtest score', () => {
    const result = forecastVolume(0, flatWeeks(6), { ...base, model: 'seasonal-naive' });
    expect(result.model).toEqual({ name: 'seasonal-naive', chosenBy: 'flag' });
    expect(result.backtest.map((s) => s.model)).toEqual(['seasonal-naive', 'seasonal-average', 'holt-winters', 'holt-winters-damped']);
    // A pattern that never changes is forecast exactly, with a zero-width interval.
    expect(result.daily.slice(0, 7).map((d) => [d.volume, d.low, d.high])).toEqual([20, 30, 30, 30, 30, 10, 10].map((v) => [v, v, v]));
  });

  it('compounds growth per period and multiplies event days', () => {
    const result = forecastVolume(0, flatWeeks(6), {
      ...base,
      model: 'seasonal-naive',
      growth: { rate: 0.1, periodDays: 7 },
      events: [{ startDay: 42 + 7, change: 0.4, days: 2 }],
    });
    // Day 42 is one day ahead: 20 × 1.1^(1/7); day 48 is seven days ahead: 10 × 1.1.
    expect(result.daily[0]!.volume).toBeCloseTo(20 * 1.1 ** (1 / 7), 10);
    expect(result.daily[6]!.volume).toBeCloseTo(11, 10);
    expect(result.daily[7]!.volume).toBeCloseTo(20 * 1.1 ** (8 / 7) * 1.4, 10);
    expect(result.daily[9]!.volume).toBeCloseTo(30 * 1.1 ** (10 / 7), 10);
  });

  it('widens the interval beyond the tested leads', () => {
    const noisy = flatWeeks(10).map((v, i) => v + ((i * 7919) % 11) - 5);
    const result = forecastVolume(0, noisy, { ...base, horizonDays: 112, model: 'seasonal-average' });
    const width = (i: number) => result.daily[i]!.high - result.daily[i]!.low;
    // Weekday 1 (volume 30) keeps the low bound above zero, so no clamping blurs the widths.
    expect(width(1)).toBeGreaterThan(0);
    expect(width(22)).toBeCloseTo(width(1), 10);
    expect(width(106)).toBeCloseTo(width(1) * Math.sqrt(107 / 28), 10);
  });
});
