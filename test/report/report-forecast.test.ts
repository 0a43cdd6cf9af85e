import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/model/ticket.js';
import { reportSections } from '../../src/render/report-sections.js';
import { buildTestReport } from './helpers.js';

/** Monday to Sunday: busy weekdays, quiet weekends. */
const WEEK = [20, 18, 16, 14, 12, 3, 2];
const MONDAY = Date.UTC(2024, 0, 1);
const DAY_MS = 86_400_000;

/** Day-to-day noise in −3..3 from a fixed linear congruential sequence: no pattern for a model to learn. */
function noise(days: number): number[] {
  let state = 12345;
  return Array.from({ length: days }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state % 7) - 3;
  });
}

/** `days` days of tickets from Monday 2024-01-01: the weekly pattern plus noise. */
function tickets(days: number): Ticket[] {
  const jitter = noise(days);
  const out: Ticket[] = [];
  for (let d = 0; d < days; d++) {
    const count = Math.max(0, WEEK[d % 7]! + jitter[d]!);
    for (let k = 0; k < count; k++) out.push({ id: `${d}-${k}`, createdAt: MONDAY + d * DAY_MS + (8 + (k % 10)) * 3_600_000 });
  }
  return out;
}

const report = (days: number) => buildTestReport(tickets(days));

describe('report forecast', () => {
  const eightWeeks = report(56);
  const forecast = eightWeeks.forecast!;

  it('follows the weekly pattern with a seasonal model chosen by backtest', () => {
    expect(forecast).toMatchObject({ model: 'seasonal-average', chosenBy: 'backtest', level: 0.8 });
    expect(forecast.daily).toHaveLength(28);
    // The history ends on Sunday 2024-02-25; the forecast starts the Monday after.
    expect(forecast.daily[0]!.date).toBe('2024-02-26');
    expect(forecast.daily.at(-1)!.date).toBe('2024-03-24');
    // The mean of eight weeks: the noise (standard deviation 2 a day) shrinks to about 0.7.
    forecast.daily.forEach((d, i) => expect(Math.abs(d.volume - WEEK[i % 7]!)).toBeLessThan(1.5));
  });

  it('keeps every point forecast inside its interval', () => {
    for (const day of forecast.daily) {
      expect(day.low).toBeLessThanOrEqual(day.volume);
      expect(day.high).toBeGreaterThanOrEqual(day.volume);
    }
    expect(forecast.daily.some((d) => d.high > d.low)).toBe(true);
  });

  it('adds one line to the page: the mean per day of the next four weeks', () => {
    const fact = reportSections(eightWeeks)[0]!.facts.find((f) => f.label === 'next 4 weeks');
    const mean = (pick: (d: (typeof forecast.daily)[number]) => number) => (forecast.daily.reduce((sum, d) => sum + pick(d), 0) / 28).toFixed(1).replace(/\.0$/, '');
    // Near the pattern's (20+18+16+14+12+3+2) / 7 = 12.1 per day.
    expect(Math.abs(Number(mean((d) => d.volume)) - 12.1)).toBeLessThan(0.5);
    expect(fact?.value).toBe(`~${mean((d) => d.volume)} created per day (80% interval ${mean((d) => d.low)}–${mean((d) => d.high)} a day; seasonal-average model)`);
    expect(eightWeeks.notes.some((n) => n.startsWith('no volume forecast'))).toBe(false);
  });

  it('has no forecast with less than four weeks of history, and says why in the notes', () => {
    const short = report(27);
    expect(short.forecast).toBeNull();
    expect(short.notes).toContain(
      'no volume forecast: 27 days of tickets up to the end of the period, and a forecast needs 28 (two weeks to fit the weekly pattern, two to test it)',
    );
    expect(reportSections(short)[0]!.facts.map((f) => f.label)).not.toContain('next 4 weeks');
    expect(report(28).forecast).not.toBeNull();
  });
});
