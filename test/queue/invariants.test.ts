import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePolicies } from '../../src/queue/compare.js';
import { simulate, type RunOutcome, type Workload } from '../../src/queue/engine.js';
import { morningInbox } from '../../src/queue/morning-inbox.js';
import { fifo, newestFirst, slaFirst, split, triage, triageNewest, withAgeCap, type Policy } from '../../src/queue/policies.js';
import { poissonWorkload, roundTheClock } from './helpers.js';

const ALL: Policy[] = [
  fifo,
  newestFirst,
  triage,
  triageNewest,
  slaFirst(),
  split(1),
  withAgeCap(newestFirst, 3600, '1h'),
  withAgeCap(triageNewest, 7200, '2h'),
];

/** Sum of waits, counting tickets still waiting at the end up to the end. */
function totalWait(w: Workload, run: RunOutcome): number {
  let sum = 0;
  for (let i = 0; i < w.arrival.length; i++) {
    if (w.arrival[i]! > run.end) break;
    sum += (Number.isNaN(run.start[i]!) ? run.end : run.start[i]!) - w.arrival[i]!;
  }
  return sum;
}

const sortedStarts = (run: RunOutcome): number[] => Array.from(run.start).filter((s) => !Number.isNaN(s)).sort((a, b) => a - b);

// Small random workloads: a few agents, mixed classes, arrivals in clumps so queues form.
const smallWorkload = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), cls: fc.constantFrom(0, 1, 2, 3, 4), handle: fc.integer({ min: 1, max: 900 }) }), {
    minLength: 1,
    maxLength: 60,
  })
  .map((rows): Workload => {
    let t = 0;
    return {
      arrival: Float64Array.from(rows, (r) => (t += r.gap)),
      cls: Uint8Array.from(rows, (r) => r.cls),
      handle: Float64Array.from(rows, (r) => r.handle),
    };
  });

describe('sample-path invariants', () => {
  it('T17: with service times attached to service slots, every order starts services at the same instants (so FIFO and LIFO total waits are equal)', () => {
    fc.assert(
      fc.property(smallWorkload, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 100, max: 20_000 }), (w, agents, end) => {
        const settings = { end, measureFrom: 0, staffing: roundTheClock(agents), serviceBy: 'slot' as const };
        const reference = simulate(w, fifo, settings);
        for (const policy of ALL) {
          const run = simulate(w, policy, settings);
          expect(sortedStarts(run)).toEqual(sortedStarts(reference));
          expect(totalWait(w, run)).toBe(totalWait(w, reference));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("Little's law on each run, sample-path form: ∫ queue length dt = Σ waits (censored at the end)", () => {
    fc.assert(
      fc.property(smallWorkload, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 100, max: 20_000 }), (w, agents, end) => {
        for (const policy of ALL) {
          const run = simulate(w, policy, { end, measureFrom: 0, staffing: roundTheClock(agents) });
          expect(run.queueArea).toBe(totalWait(w, run));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('no ticket starts before it arrives, starts twice, or while all agents on shift are busy', () => {
    fc.assert(
      fc.property(smallWorkload, fc.integer({ min: 1, max: 3 }), (w, agents) => {
        for (const policy of ALL) {
          const run = simulate(w, policy, { end: 1e9, measureFrom: 0, staffing: roundTheClock(agents) });
          const intervals = Array.from(run.start, (s, i) => [s, s + w.handle[i]!] as const);
          intervals.forEach(([s], i) => expect(s).toBeGreaterThanOrEqual(w.arrival[i]!));
          // With no horizon every ticket is served, and at no instant more than `agents` are in service.
          for (const [s] of intervals) expect(intervals.filter(([a, b]) => a <= s && s < b).length).toBeLessThanOrEqual(agents);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("Little's law L = λW over a long M/M/2 run (time-average queue vs arrival rate × mean wait, ±0.5%)", () => {
    const w = poissonWorkload({ rates: [1.5], meanService: 1, customers: 200_000, seed: 21 });
    const end = w.arrival[w.arrival.length - 1]!;
    for (const policy of [fifo, newestFirst, triageNewest]) {
      const run = simulate(w, policy, { end, measureFrom: 0, staffing: roundTheClock(2) });
      const duration = end - w.arrival[0]!;
      const lambda = w.arrival.length / duration;
      const meanWait = totalWait(w, run) / w.arrival.length;
      const queue = run.queueArea / duration;
      expect(Math.abs(queue - lambda * meanWait)).toBeLessThanOrEqual(0.005 * queue);
    }
  });

  it('an age cap bounds the wait of a newest-first queue that keeps up on average', () => {
    const w = poissonWorkload({ rates: [0.8], meanService: 1, customers: 50_000, seed: 22, unit: 60 });
    const settings = { end: 1e12, measureFrom: 0, staffing: roundTheClock(1) };
    const maxWait = (p: Policy) => Math.max(...Array.from(simulate(w, p, settings).start, (s, i) => s - w.arrival[i]!));
    const cap = 30 * 60;
    expect(maxWait(withAgeCap(newestFirst, cap, '30m'))).toBeLessThan(maxWait(newestFirst));
  });
});

describe('the morning inbox (DOMAIN.md §4): 50 messages, 12 h to 5 min old, cleared in 90 min by one agent', () => {
  const start = Date.UTC(2026, 0, 5, 9) / 1000;
  const scenario = morningInbox({ batch: 50, oldestSeconds: 12 * 3600, newestSeconds: 300, clearSeconds: 90 * 60, agents: 1, start });
  const result = comparePolicies({ ...scenario, policies: [fifo, newestFirst, triageNewest], seed: 7, slaMinutes: [60, 240, 1440] });
  const [oldestFirst, newest] = result.policies;

  it('answers every message within the run, and the mean wait is the same for every order', () => {
    for (const p of result.policies) {
      expect(p.overall.count).toBe(50);
      expect(p.unansweredAtEnd).toBe(0);
      expect(p.overall.mean).toBeCloseTo(oldestFirst!.overall.mean!, 9);
    }
  });

  it('newest-first answers more messages within one hour (4 of 50 against none)', () => {
    // Ages step by 14.6 min from 5 min, so four messages are under an hour old; newest-first
    // reaches them at 0, 1.8, 3.6 and 5.4 min, oldest-first only after 82+ min (our check).
    expect(newest!.overall.withinSla['60']).toBeCloseTo(4 / 50, 12);
    expect(oldestFirst!.overall.withinSla['60']).toBe(0);
  });

  it("…while its maximum wait is larger: the 12-hour message waits the whole clearing time more", () => {
    expect(oldestFirst!.overall.max).toBe(720);
    expect(newest!.overall.max).toBeCloseTo(720 + 49 * 1.8, 9);
    expect(newest!.overall.max!).toBeGreaterThan(oldestFirst!.overall.max!);
  });

  it('the verdict names newest-first on the 1 h target and its tail cost', () => {
    expect(result.verdict.targets[0]!.winners).toEqual(['newest-first', 'triage-newest']);
    expect(result.verdict.text).toContain('within 1h: newest-first = triage-newest 8.0% (next fifo 0.0%)');
    expect(result.verdict.text).toContain('longest wait 13.5h vs 12h (fifo)');
    expect(result.verdict.text).not.toMatch(/best (in general|overall)/);
  });
});
