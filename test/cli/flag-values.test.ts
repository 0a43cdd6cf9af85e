import { describe, expect, it } from 'vitest';
import { durationWithUnit, fraction, growthRate, serviceLevelTarget, volumeEvent } from '../../src/cli/flag-values.js';

describe('staffing flag values', () => {
  it('needs a unit on durations', () => {
    expect(durationWithUnit('300s')).toBe(300);
    expect(durationWithUnit('5m')).toBe(300);
    expect(durationWithUnit('1.5h')).toBe(5400);
    expect(durationWithUnit('300')).toBeNaN();
    expect(durationWithUnit('-5s')).toBeNaN();
  });

  it('reads shares as fractions or percentages', () => {
    expect(fraction('0.85')).toBe(0.85);
    expect(fraction('85%')).toBe(0.85);
    expect(fraction('85')).toBe(0.85);
    expect(fraction('1')).toBe(1);
    expect(fraction('abc')).toBeNaN();
  });

  it('reads service-level targets', () => {
    expect(serviceLevelTarget('80/60s')).toEqual({ target: 0.8, thresholdSeconds: 60 });
    expect(serviceLevelTarget('90%/20s')).toEqual({ target: 0.9, thresholdSeconds: 20 });
    expect(serviceLevelTarget('100/20s')).toBeUndefined();
    expect(serviceLevelTarget('80')).toBeUndefined();
  });

  it('reads growth per period and events', () => {
    expect(growthRate('8%/month')).toEqual({ rate: 0.08, periodDays: 365.25 / 12 });
    expect(growthRate('-2%/week')).toEqual({ rate: -0.02, periodDays: 7 });
    expect(growthRate('8')).toBeUndefined();
    expect(growthRate('-100%/year')).toBeUndefined();
    expect(volumeEvent('2025-03-10:+40%:2w')).toEqual({ date: '2025-03-10', change: 0.4, days: 14 });
    expect(volumeEvent('2025-12-25:-60%')).toEqual({ date: '2025-12-25', change: -0.6, days: 1 });
    expect(volumeEvent('2025-03-10:+40%:3')).toEqual({ date: '2025-03-10', change: 0.4, days: 3 });
    expect(volumeEvent('launch')).toBeUndefined();
  });

  it('keeps events to real days', () => {
    expect(volumeEvent('2025-02-30:+10%')).toBeUndefined();
    expect(volumeEvent('2024-02-29:+10%')).toEqual({ date: '2024-02-29', change: 0.1, days: 1 });
  });
});
