import { describe, expect, it } from 'vitest';
import { tableFromTickets } from '../../src/model/table.js';
import { batchArrivals, classMix, learnProfile, poissonArrivals, replayArrivals } from '../../src/queue/arrivals.js';
import { CLASS, DEFAULT_WIDESPREAD_TAGS } from '../../src/queue/classes.js';
import { uniformSource } from '../../src/queue/random.js';

const MONDAY = Date.UTC(2024, 0, 1) / 1000;

describe('replay', () => {
  it('orders by creation second (ties keep the export order), classes from priority and tags', () => {
    const table = tableFromTickets([
      { id: 'c', createdAt: (MONDAY + 60) * 1000, priority: 'low' },
      { id: 'a', createdAt: MONDAY * 1000 + 400, priority: 'normal', tags: ['Outage-EU'] },
      { id: 'b', createdAt: MONDAY * 1000 + 900, priority: 'urgent' },
      { id: 'x', createdAt: Number.NaN },
    ]);
    const r = replayArrivals(table, DEFAULT_WIDESPREAD_TAGS);
    expect(Array.from(r.arrival)).toEqual([MONDAY, MONDAY, MONDAY + 60]);
    expect(Array.from(r.cls)).toEqual([CLASS.widespread, CLASS.urgent, CLASS.low]);
    expect(Array.from(classMix(r))).toEqual([1 / 3, 1 / 3, 0, 0, 1 / 3]);
  });
});

describe('Poisson arrivals', () => {
  it('a constant rate of 40/h gives 40 × 24 × 30 arrivals in 30 days (±2%), whole seconds, ascending', () => {
    const r = poissonArrivals({ ratePerSecond: 40 / 3600, from: MONDAY, to: MONDAY + 30 * 86_400 }, uniformSource(1));
    expect(Math.abs(r.arrival.length - 28_800)).toBeLessThan(0.02 * 28_800);
    expect(r.arrival.every((t, i) => i === 0 || t >= r.arrival[i - 1]!)).toBe(true);
    expect(r.arrival.every((t) => Number.isInteger(t) && t >= MONDAY && t <= MONDAY + 30 * 86_400)).toBe(true);
    expect(r.cls.every((c) => c === CLASS.normal)).toBe(true);
  });

  it('follows a learned weekday × hour profile: nothing where the export had nothing', () => {
    // An export with tickets only on Mondays 09:00–10:00 (UTC).
    const learned = learnProfile({ arrival: Float64Array.from([0, 7, 14], (w) => MONDAY + w * 86_400 + 9 * 3600 + 60), cls: new Uint8Array(3) }, 'UTC');
    expect(learned[9]).toBe(168);
    expect(learned.reduce((a, b) => a + b, 0)).toBe(168);
    const r = poissonArrivals(
      { ratePerSecond: 1 / 3600, from: MONDAY, to: MONDAY + 28 * 86_400, profile: { weights: learned, tz: 'UTC' } },
      uniformSource(2),
    );
    for (const t of r.arrival) {
      const d = new Date(t * 1000);
      expect([d.getUTCDay(), d.getUTCHours()]).toEqual([1, 9]);
    }
    // Mean rate unchanged: 1/h over 4 weeks ≈ 672 tickets (±10%).
    expect(Math.abs(r.arrival.length - 672)).toBeLessThan(67);
  });

  it('draws classes in the given mix (±2 percentage points over 20k)', () => {
    const mix = Float64Array.from([0.1, 0.05, 0.15, 0.6, 0.1]);
    const r = poissonArrivals({ ratePerSecond: 1 / 60, from: MONDAY, to: MONDAY + 20_000 * 60, mix }, uniformSource(3));
    const got = classMix(r);
    mix.forEach((share, c) => expect(Math.abs(got[c]! - share)).toBeLessThan(0.02));
  });
});

describe('morning-inbox batch', () => {
  it('spreads ages evenly from the oldest to the newest, all before the start', () => {
    const r = batchArrivals({ size: 3, oldestSeconds: 7200, newestSeconds: 600, start: MONDAY });
    expect(Array.from(r.arrival)).toEqual([MONDAY - 7200, MONDAY - 3900, MONDAY - 600]);
  });
});
