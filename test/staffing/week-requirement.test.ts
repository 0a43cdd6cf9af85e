import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/model/spec-error.js';
import { parseCoverage } from '../../src/staffing/coverage.js';
import { weekRequirement, type StaffingParams } from '../../src/staffing/week-requirement.js';

const flat = new Float64Array(168).fill(1 / 168);
const oneHour = (hour: number): Float64Array => {
  const hours = new Float64Array(168);
  hours[hour] = 1;
  return hours;
};
const params: StaffingParams = {
  liveShare: 0,
  liveHours: flat,
  asyncHours: flat,
  coverage: parseCoverage('mon-fri 09-17')!,
  liveAhtSeconds: 180,
  thresholdSeconds: 20,
  liveTarget: { kind: 'service-level', target: 0.8 },
  asyncHandleSeconds: 600,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  hoursPerWeek: 40,
  minAgents: 1,
};

describe('parseCoverage', () => {
  it('reads 24/7, business hours and overnight spans', () => {
    expect(parseCoverage('24/7')!.filter(Boolean)).toHaveLength(168);
    const business = parseCoverage('mon-fri 09-17')!;
    expect(business.filter(Boolean)).toHaveLength(40);
    expect([business[9], business[16], business[17], business[5 * 24 + 10]]).toEqual([true, true, false, false]);
    const night = parseCoverage('sun 22-06')!;
    // Sunday 22:00 to Monday 06:00 wraps into the next week's Monday.
    expect([night[6 * 24 + 22], night[6 * 24 + 23], night[0], night[5], night[6]]).toEqual([true, true, true, true, false]);
    expect(() => parseCoverage('weekdays')).toThrow(new SpecError('"weekdays" is not a shift like "Mon-Fri 09:00-17:00" (or 24/7)'));
    expect(() => parseCoverage('mon-fri 09-09')).toThrow(/"mon-fri 09-09" is not a shift .*: it ends when it starts$/);
  });

  it('takes the --hours spelling too, but no headcounts and no half hours', () => {
    expect(parseCoverage('Mon-Fri 09:00-17:00')).toEqual(parseCoverage('mon-fri 09-17'));
    expect(parseCoverage('Mon-Fri 09:00-17:00; Sat 10-14')!.filter(Boolean)).toHaveLength(44);
    expect(() => parseCoverage('mon-fri 09-17=3')).toThrow(/gives a headcount/);
    expect(() => parseCoverage('mon-fri 09:30-17')).toThrow(/off the hour/);
  });
});

describe('weekRequirement', () => {
  it('workload method: 700 emails × 10 min ÷ 85 % occupancy over 40 covered hours', () => {
    const week = weekRequirement(700, params);
    const agentHours = (700 * 600) / 3600 / 0.85;
    expect(week.asyncAgentHours).toBeCloseTo(agentHours, 10);
    expect(week.hourly[9]).toBeCloseTo(agentHours / 40, 10);
    expect(week.fte).toBeCloseTo(agentHours / 0.7 / 40, 10);
  });

  it('places async hours where async tickets arrive', () => {
    const mornings = new Float64Array(168);
    mornings[9] = 0.5; // Monday 09:00
    mornings[24 + 9] = 0.25; // Tuesday 09:00
    mornings[3] = 0.25; // Monday 03:00, outside coverage: answered in covered hours
    const week = weekRequirement(700, { ...params, asyncHours: mornings });
    const agentHours = (700 * 600) / 3600 / 0.85;
    expect(week.hourly[9]).toBeCloseTo((agentHours * 2) / 3, 10);
    expect(week.hourly[24 + 9]).toBeCloseTo(agentHours / 3, 10);
    expect(week.hourly[10]).toBe(1);
    expect(week.hourly[3]).toBe(0);
  });

  it('keeps one agent in every covered hour of a quiet week', () => {
    expect(weekRequirement(7, params).fte).toBeCloseTo(40 / 0.7 / 40, 10);
  });

  it('live channel: 200 contacts in one hour at 180 s AHT and 80/20 take 14 agents (C8), the rest of 24/7 one each', () => {
    const week = weekRequirement(200, { ...params, liveShare: 1, liveHours: oneHour(10), coverage: parseCoverage('24/7')! });
    expect(week.liveHourly[10]).toBe(14);
    expect(week.hourly.reduce((s, a) => s + a, 0)).toBe(14 + 167);
  });

  it('live contacts outside covered hours become async work', () => {
    const week = weekRequirement(100, { ...params, liveShare: 1, liveHours: oneHour(3) });
    expect(week.liveHourly.every((a) => a === 0)).toBe(true);
    expect(week.asyncAgentHours).toBeCloseTo((100 * 600) / 3600 / 0.85, 10);
  });
});
