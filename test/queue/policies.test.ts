import { describe, expect, it } from 'vitest';
import { CLASS } from '../../src/queue/classes.js';
import { simulate, type StaffingChange } from '../../src/queue/engine.js';
import { newestFirst, slaFirst, split, triageNewest, withAgeCap, type Policy } from '../../src/queue/policies.js';
import { roundTheClock, workload } from './helpers.js';

// Small hand-worked cases for the policies the research vectors do not cover.
const order = (policy: Policy, arrivals: number[], handle: number, classes?: number[], staffing: StaffingChange[] = roundTheClock(1)) => {
  const run = simulate(workload(arrivals, handle, classes), policy, { end: 1e9, measureFrom: 0, staffing });
  return Array.from(run.start, (s, i) => ({ i, s })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.i);
};

describe('policies', () => {
  it('triage-newest: urgent, widespread and high oldest first, then normal and low newest first', () => {
    const classes = [CLASS.normal, CLASS.high, CLASS.low, CLASS.normal, CLASS.high, CLASS.urgent, CLASS.widespread];
    // Ticket 0 arrives alone and is taken at once; the rest queue behind it.
    expect(order(triageNewest, [0, 1, 2, 3, 4, 5, 6], 100, classes)).toEqual([0, 5, 6, 1, 4, 3, 2]);
  });

  it('age cap: newest first until the oldest has waited longer than the cap, then oldest first', () => {
    // Service 10, arrivals every 4: a queue builds. With a cap of 15, ticket 1 (waiting since 4)
    // is over the cap at 20 and goes first; without the cap the newest goes.
    const arrivals = [0, 4, 8, 12, 16];
    expect(order(newestFirst, arrivals, 10)).toEqual([0, 2, 4, 3, 1]);
    expect(order(withAgeCap(newestFirst, 15, '15s'), arrivals, 10)).toEqual([0, 2, 1, 3, 4]);
  });

  it('split=1: the first agent takes the newest, the second the oldest', () => {
    const run = simulate(workload([0, 0, 0, 0, 0, 0], 10), split(1), { end: 1e9, measureFrom: 0, staffing: roundTheClock(2) });
    // At 0 agent 0 takes ticket 5 (newest), agent 1 ticket 0 (oldest); at 10, tickets 4 and 1.
    expect(Array.from(run.start)).toEqual([0, 10, 20, 20, 10, 0]);
  });

  it('sla-first: earliest first-reply deadline first (urgent 30 min, high 4 h, normal 8 h, low 24 h)', () => {
    const classes = [CLASS.normal, CLASS.low, CLASS.high, CLASS.normal, CLASS.urgent];
    // Deadlines: low 60+24h, high 120+4h, normal 180+8h, urgent 240+30m.
    expect(order(slaFirst(), [0, 60, 120, 180, 240], 3600, classes)).toEqual([0, 4, 2, 3, 1]);
  });
});

describe('shifts', () => {
  it('an agent finishes the ticket in hand after the shift ends and picks nothing more until the next shift', () => {
    const staffing: StaffingChange[] = [
      { at: 0, agents: 1 },
      { at: 100, agents: 0 },
      { at: 1000, agents: 1 },
    ];
    const w = workload([90, 95], 50);
    const run = simulate(w, newestFirst, { end: 2000, measureFrom: 0, staffing });
    expect(Array.from(run.start)).toEqual([90, 1000]);
    // Busy 90–140 (overtime 100–140 included) and 1000–1050; idle on shift 0–90 and 1050–2000.
    expect(run.busySeconds).toBe(100);
    expect(run.staffedSeconds).toBe(100 + 90 + 950);
  });
});
