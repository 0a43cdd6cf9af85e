import { describe, expect, it } from 'vitest';
import { CLASS } from '../../src/queue/classes.js';
import { simulate, type RunSettings } from '../../src/queue/engine.js';
import { fifo, newestFirst, triage, type Policy } from '../../src/queue/policies.js';
import { roundTheClock, workload } from './helpers.js';

// Deterministic vectors of research/queue.md §6. Times there are in abstract units; integer
// seconds need a grain, so T1/T2 use 10 s per unit and T3 uses 60 s (one task per minute).
const settings = (end: number, extra: Partial<RunSettings> = {}): RunSettings => ({
  end,
  measureFrom: 0,
  staffing: roundTheClock(1),
  ...extra,
});

const completedBy = (policy: Policy, arrivals: number[], service: number, end: number) => {
  const w = workload(arrivals, service);
  const run = simulate(w, policy, settings(end));
  const done = arrivals
    .map((_, i) => ({ id: i + 1, end: run.start[i]! + service }))
    .filter((x) => x.end <= end)
    .sort((a, b) => a.end - b.end);
  return { run, done };
};

describe('research/queue.md §6 deterministic vectors', () => {
  it('T1 (Ciw FIFO): arrivals 1,2,3…, service 1.5, horizon 9 → completions 2.5 4.0 5.5 7.0 8.5', () => {
    const { done } = completedBy(fifo, [10, 20, 30, 40, 50, 60, 70, 80, 90], 15, 90);
    expect(done.map((x) => x.id)).toEqual([1, 2, 3, 4, 5]);
    expect(done.map((x) => x.end)).toEqual([25, 40, 55, 70, 85]);
  });

  it('T2 (Ciw LIFO): service 1.6, horizon 9.5 → served 1,2,4,5,7 ending 2.6…9.0; 3 and 6 never served', () => {
    const arrivals = [10, 20, 30, 40, 50, 60, 70, 80, 90];
    const { run, done } = completedBy(newestFirst, arrivals, 16, 95);
    expect(done.map((x) => x.id)).toEqual([1, 2, 4, 5, 7]);
    expect(done.map((x) => x.end)).toEqual([26, 42, 58, 74, 90]);
    expect(Number.isNaN(run.start[2]!)).toBe(true);
    expect(Number.isNaN(run.start[5]!)).toBe(true);
  });

  it('T3 (Skiena): two arrivals a minute at 0,1,2, one task a minute: FIFO and LIFO waits', () => {
    const w = workload([0, 0, 60, 60, 120, 120], 60);
    const waits = (policy: Policy) => {
      const run = simulate(w, policy, settings(10_000));
      return Array.from(run.start, (s, i) => (s - w.arrival[i]!) / 60);
    };
    expect(waits(fifo)).toEqual([0, 1, 1, 2, 2, 3]);
    // Service order b, d, f, e, c, a.
    expect(waits(newestFirst)).toEqual([5, 0, 3, 0, 1, 0]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(waits(fifo))).toBe(1.5);
    expect(mean(waits(newestFirst))).toBe(1.5);
    expect(Math.max(...waits(fifo))).toBe(3);
    expect(Math.max(...waits(newestFirst))).toBe(5);
  });

  it('T4 (simmer): service 2, normal at 0 and 0, urgent at 1 → the urgent one finishes at 4', () => {
    const w = workload([0, 0, 1], 2, [CLASS.normal, CLASS.normal, CLASS.urgent]);
    const run = simulate(w, triage, settings(100));
    expect(run.start[2]! + 2).toBe(4);
    expect(run.start[1]! + 2).toBe(6);
  });

  it('T5 (simmer): same class, arrivals 0,2,4,6 and 1,3,5,7, service 2 → A0 B0 A1 B1 …', () => {
    const w = workload([0, 1, 2, 3, 4, 5, 6, 7], 2);
    const run = simulate(w, triage, settings(100));
    const order = Array.from(run.start, (s, i) => ({ s, name: `${i % 2 === 0 ? 'A' : 'B'}${i >> 1}` }))
      .sort((a, b) => a.s - b.s)
      .map((x) => x.name);
    expect(order).toEqual(['A0', 'B0', 'A1', 'B1', 'A2', 'B2', 'A3', 'B3']);
  });

  it('T6 (SimPy #136): hold 3; low at 0, high at 0, high at 2 → starts 0, 3, 6 when each event picks at once', () => {
    const w = workload([0, 0, 2], 3, [CLASS.low, CLASS.high, CLASS.high]);
    const run = simulate(w, triage, settings(100, { sameInstant: 'in-order' }));
    expect(Array.from(run.start)).toEqual([0, 3, 6]);
  });

  it('a run with no tickets and no staff ends quietly at the horizon', () => {
    const run = simulate(workload([], 1), fifo, { end: 100, measureFrom: 0, staffing: [] });
    expect(run).toMatchObject({ queueArea: 0, busySeconds: 0, staffedSeconds: 0, events: 0 });
  });

  it('T6 under the default same-second rule: the urgent arrival of that second is a candidate too', () => {
    const w = workload([0, 0, 2], 3, [CLASS.low, CLASS.high, CLASS.high]);
    const run = simulate(w, triage, settings(100));
    expect(Array.from(run.start)).toEqual([6, 0, 3]);
  });
});
