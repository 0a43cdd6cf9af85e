import { describe, expect, it } from 'vitest';
import {
  explainAssumptions,
  handleSecondsFromThroughput,
  resolveStaffingAssumptions,
  type StaffingFlagValues,
} from '../../src/staffing/assumptions.js';
import type { ExportProfile } from '../../src/staffing/export-profile.js';

const flat = new Float64Array(168).fill(1 / 168);
const profile: ExportProfile = {
  daily: { firstDay: 0, counts: [] },
  tickets: 100,
  liveShare: 0.2,
  liveHours: flat,
  asyncHours: flat,
  activeAgents: 5,
  solvedPerAgentDay: 24,
  agentDays: 120,
  liveHandleMinutes: 7,
  liveHandleSamples: 30,
  liveHandleFrom: 'lifetime',
  asyncHandleMinutes: null,
  asyncHandleSamples: 3,
};
/** The commander defaults, none typed. */
const defaults: StaffingFlagValues = { shrinkage: 0.3, maxOccupancy: 0.85, hoursPerWeek: 40, leadTime: 4 * 604_800, span: 8, handleTime: 600 };
const none = (): boolean => false;
const typed = (...flags: (keyof StaffingFlagValues)[]) => (flag: keyof StaffingFlagValues): boolean => flags.includes(flag);

describe('handleSecondsFromThroughput', () => {
  it('shares a paid day at the planned shrinkage and occupancy among the tickets', () => {
    // 8 h × 3600 × 0.7 × 0.85 ÷ 24 tickets = 714 s.
    expect(handleSecondsFromThroughput(24, { hoursPerWeek: 40, shrinkage: 0.3, maxOccupancy: 0.85 })).toBeCloseTo(714, 9);
  });
});

describe('resolveStaffingAssumptions', () => {
  it('takes a typed flag, then the config, then the default', () => {
    const config = { shrinkage: 0.35, span: 12, hoursPerDay: 7.5, hiringLeadTime: 6 * 7 * 1440 };
    const a = resolveStaffingAssumptions({ ...defaults, span: 10 }, typed('span'), config, profile);
    expect(a.shrinkage).toEqual({ value: 0.35, source: 'config' });
    expect(a.span).toEqual({ value: 10, source: 'flag' });
    expect(a.hoursPerWeek).toEqual({ value: 37.5, source: 'config' });
    expect(a.leadTimeSeconds).toEqual({ value: 6 * 604_800, source: 'config' });
    expect(a.maxOccupancy).toEqual({ value: 0.85, source: 'default' });
  });

  it('measures live handle time and the team from the export unless a flag gives them', () => {
    const measured = resolveStaffingAssumptions(defaults, none, {}, profile);
    expect(measured.liveAhtSeconds).toEqual({ value: 420, source: 'measured' });
    expect(measured.agents).toEqual({ value: 5, source: 'measured' });
    const flagged = resolveStaffingAssumptions({ ...defaults, aht: 300, agents: 2 }, typed('aht', 'agents'), {}, profile);
    expect(flagged.liveAhtSeconds).toEqual({ value: 300, source: 'flag' });
    expect(flagged.agents).toEqual({ value: 2, source: 'flag' });
    const empty = { ...profile, liveHandleMinutes: null, activeAgents: 0 };
    expect(resolveStaffingAssumptions(defaults, none, {}, empty).liveAhtSeconds).toEqual({ value: 360, source: 'default' });
    expect(resolveStaffingAssumptions(defaults, none, {}, empty).agents).toEqual({ value: 0, source: 'default' });
  });

  it('email/web handle time: flag, config (handle time or throughput), recorded, default', () => {
    const recorded: ExportProfile = { ...profile, asyncHandleMinutes: 11 };
    const resolve = (flags: Partial<StaffingFlagValues>, given: (keyof StaffingFlagValues)[], config = {}, p = recorded) =>
      resolveStaffingAssumptions({ ...defaults, ...flags }, typed(...given), config, p).asyncHandleSeconds;
    expect(resolve({ handleTime: 720 }, ['handleTime'], { handleTime: 7 })).toEqual({ value: 720, source: 'flag' });
    expect(resolve({}, [], { handleTime: 7, ticketsPerAgentPerDay: 40 })).toEqual({ value: 420, source: 'config' });
    expect(resolve({}, [], { ticketsPerAgentPerDay: 24 })).toEqual({ value: expect.closeTo(714, 9), source: 'config' });
    expect(resolve({}, [])).toEqual({ value: 660, source: 'measured' });
    expect(resolve({}, [], {}, profile)).toEqual({ value: 600, source: 'default' });
  });

  it('--handle-time measured: recorded times, else throughput at the planned shrinkage and occupancy, else the fallback', () => {
    const resolve = (p: ExportProfile) =>
      resolveStaffingAssumptions({ ...defaults, handleTime: 'measured' }, typed('handleTime'), { handleTime: 7 }, p).asyncHandleSeconds;
    expect(resolve({ ...profile, asyncHandleMinutes: 11 })).toEqual({ value: 660, source: 'measured' });
    expect(resolve(profile)).toEqual({ value: expect.closeTo(714, 9), source: 'measured' });
    expect(resolve({ ...profile, solvedPerAgentDay: null })).toEqual({ value: 600, source: 'default' });
  });
});

describe('explainAssumptions', () => {
  it('says how each measured input was measured', () => {
    const a = resolveStaffingAssumptions({ ...defaults, handleTime: 'measured' }, typed('handleTime'), {}, profile);
    expect(explainAssumptions(profile, a)).toEqual([
      'chat/phone handle time: median created-to-solved time of 30 live contacts under 2 hours',
      'email/web handle time: at most what is implied by 24.0 tickets solved per agent per day worked (120 agent-days, last 8 weeks), at the planned shrinkage and occupancy',
      'current team: 5 assignees active in the last 4 weeks of the export, counted as full-time',
    ]);
    const unknownTeam = resolveStaffingAssumptions({ ...defaults, aht: 300 }, typed('aht'), {}, { ...profile, activeAgents: 0 });
    expect(explainAssumptions(profile, unknownTeam)).toEqual(['current team: unknown (no assignees in the export); give --agents']);
  });
});
