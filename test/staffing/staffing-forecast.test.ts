import { describe, expect, it } from 'vitest';
import { keyToDayNumber } from '../../src/model/time.js';
import { parseCoverage } from '../../src/staffing/coverage.js';
import type { ExportProfile } from '../../src/staffing/export-profile.js';
import { forecastStaffing, type StaffingForecastOptions } from '../../src/staffing/staffing-forecast.js';

const flat = new Float64Array(168).fill(1 / 168);
/** Five weeks of 10 tickets a day from Monday 2024-03-04, ending on a Wednesday. */
const profile: ExportProfile = {
  daily: { firstDay: keyToDayNumber('2024-03-04'), counts: new Array(5 * 7 - 4).fill(10) },
  tickets: 310,
  liveShare: 0,
  liveHours: flat,
  asyncHours: flat,
  activeAgents: 2,
  solvedPerAgentDay: null,
  agentDays: 0,
  liveHandleMinutes: null,
  liveHandleSamples: 0,
  liveHandleFrom: null,
  asyncHandleMinutes: null,
  asyncHandleSamples: 0,
};
const options: StaffingForecastOptions = {
  horizonWeeks: 12,
  model: 'seasonal-naive',
  averageWeeks: 8,
  level: 0.8,
  events: [],
  staffing: {
    coverage: parseCoverage('24/7')!,
    liveAhtSeconds: 300,
    thresholdSeconds: 60,
    liveTarget: { kind: 'service-level', target: 0.8 },
    asyncHandleSeconds: 1800,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    hoursPerWeek: 40,
    minAgents: 1,
  },
  fteCurrent: 2,
  leadWeeks: 4,
  rampWeeks: 3,
  earlyAttrition: 0,
  span: 8,
  planOn: 'point',
  tz: 'UTC',
};

describe('forecastStaffing', () => {
  it('plans whole weeks, the first holding the days already seen', () => {
    const result = forecastStaffing(profile, options);
    expect(result.history).toEqual({ from: '2024-03-04', to: '2024-04-03', days: 31 });
    expect(result.weekly).toHaveLength(13);
    expect(result.weekly[0]).toMatchObject({ weekStart: '2024-04-01', volume: 70, low: 70, high: 70 });
    // 24/7 with one agent every hour is 168 staffed hours: 168 ÷ 0.7 ÷ 40 = 6 FTE, above the 70 × 0.5 h ÷ 0.85 workload.
    expect(result.weekly[0]!.fteRequired).toBe(6);
    expect(result.weekly[0]).toMatchObject({ gap: 4, hireBy: '2024-02-12', leadsRequired: 1 });
    expect(result.hires.map((h) => h.seat)).toEqual([1, 2, 3, 4]);
    expect(result.heatmap.weekStart).toBe('2024-04-08');
    expect(result.firstReply).toBeNull();
  });

  it('sums a month unrounded and rounds it once, so rounding errors do not add up', () => {
    // A third more tickets through May: each week starting in May holds 93.33, shown as 93.3.
    const events = [{ startDay: keyToDayNumber('2024-05-06'), change: 1 / 3, days: 28 }];
    const result = forecastStaffing(profile, { ...options, events });
    const may = result.weekly.filter((w) => w.weekStart.startsWith('2024-05'));
    expect(may.map((w) => w.volume)).toEqual([93.3, 93.3, 93.3, 93.3]);
    // 4 × 93.33 = 373.33; rounding the running total each week gave 373.2.
    expect(result.monthly.find((m) => m.month === '2024-05')).toMatchObject({ volume: 373.3, low: 373.3, high: 373.3 });
  });
});
