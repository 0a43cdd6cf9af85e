import { describe, expect, it } from 'vitest';
import { CLASS } from '../../src/queue/classes.js';
import { simulate, type Workload } from '../../src/queue/engine.js';
import { exponential } from '../../src/queue/random.js';
import { fifo, newestFirst, triage, triageNewest, type Policy } from '../../src/queue/policies.js';
import { poissonWorkload, roundTheClock } from './helpers.js';

// Steady-state checks against queueing theory (research/queue.md §2, §6). Each run is long
// (300k–400k tickets) with the first 10% discarded as warm-up and a fixed seed. Tolerances are
// stated per test: about twice the largest deviation from theory we saw over seeds 1–5 for that
// quantity, so another seed or generator would not flake, yet a wrong discipline fails.
const UNIT = 1000;

interface Measured {
  /** Mean wait per class (time units), and overall. */
  meanByClass: number[];
  mean: number;
  secondMoment: number;
  /** Mean time in system (wait + service). */
  sojourn: number;
}

function measure(w: Workload, policy: Policy, agents: number, unit = UNIT): Measured {
  const n = w.arrival.length;
  const end = w.arrival[n - 1]! + 1e9;
  const run = simulate(w, policy, { end, measureFrom: 0, staffing: roundTheClock(agents) });
  const from = Math.floor(n / 10);
  const sums = new Float64Array(8);
  const counts = new Float64Array(8);
  let sum = 0;
  let sumSq = 0;
  let sojourn = 0;
  for (let i = from; i < n; i++) {
    const wait = (run.start[i]! - w.arrival[i]!) / unit;
    sums[w.cls[i]!]! += wait;
    counts[w.cls[i]!]!++;
    sum += wait;
    sumSq += wait * wait;
    sojourn += wait + w.handle[i]! / unit;
  }
  const m = n - from;
  return { meanByClass: Array.from(sums, (s, c) => s / counts[c]!), mean: sum / m, secondMoment: sumSq / m, sojourn: sojourn / m };
}

const within = (actual: number, expected: number, relative: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * expected);
};

describe('M/M/1 and M/M/c mean waits', () => {
  const mm1 = poissonWorkload({ rates: [3], meanService: 1 / 5, customers: 400_000, seed: 11 });

  it('T10 (Ciw docs): M/M/1 λ=3, μ=5 → Wq 0.3 under FIFO and under newest-first (±5%)', () => {
    within(measure(mm1, fifo, 1).mean, 0.3, 0.05);
    within(measure(mm1, newestFirst, 1).mean, 0.3, 0.05);
  });

  it('LIFO second moment: E[W²_LIFO] = E[W²_FIFO]/(1−ρ); M/M/1 λ=3, μ=5 gives 0.3 and 0.75 (±10%, ±15%)', () => {
    // FIFO M/M/1: atom 1−ρ at 0, else Exp(μ−λ): E[W²] = 2ρ/(μ−λ)² = 0.3.
    const fifoSecond = measure(mm1, fifo, 1).secondMoment;
    const lifoSecond = measure(mm1, newestFirst, 1).secondMoment;
    within(fifoSecond, 0.3, 0.1);
    within(lifoSecond, 0.3 / (1 - 0.6), 0.15);
    within(lifoSecond * (1 - 0.6), fifoSecond, 0.15);
  });

  it('T11 (AlgoGraph): M/M/1 λ=50, μ=60 → Wq 1/12, W 0.1 (±8%)', () => {
    const w = poissonWorkload({ rates: [50], meanService: 1 / 60, customers: 400_000, seed: 12, unit: 100_000 });
    const m = measure(w, fifo, 1, 100_000);
    within(m.mean, 1 / 12, 0.08);
    within(m.sojourn, 0.1, 0.08);
  });

  it('T12 (AlgoGraph): M/M/3 λ=0.1, μ=0.05 → W 28.889 (±3%)', () => {
    const w = poissonWorkload({ rates: [0.1], meanService: 20, customers: 300_000, seed: 13, unit: 10 });
    within(measure(w, fifo, 3, 10).sojourn, 28.889, 0.03);
  });

  it('T13 (Ciw tutorial, Erlang C): M/M/3 and M/M/4, λ=0.2, μ=0.1 → Wq 4.444 and 0.8696 (±8%)', () => {
    const w = poissonWorkload({ rates: [0.2], meanService: 10, customers: 300_000, seed: 14, unit: 10 });
    within(measure(w, fifo, 3, 10).mean, 4.444, 0.08);
    within(measure(w, fifo, 4, 10).mean, 0.8696, 0.08);
  });
});

describe('M/G/1 (Pollaczek–Khinchine), GPSS vector T14', () => {
  // λ = 0.2 per second, E[S] = 3 s; one source second is 100 simulated seconds.
  const spec = { rates: [0.2], meanService: 3, customers: 300_000, seed: 15, unit: 100 };
  it('constant service: time in system 5.25 s (±1%)', () => {
    const w = poissonWorkload({ ...spec, service: (_u, mean) => mean });
    within(measure(w, fifo, 1, 100).sojourn, 5.25, 0.01);
  });
  it('exponential service: 7.5 s (±3%)', () => {
    within(measure(poissonWorkload(spec), fifo, 1, 100).sojourn, 7.5, 0.03);
  });
  it('Erlang-2 service: 6.375 s (±2%)', () => {
    const erlang2 = poissonWorkload({ ...spec, service: (u, mean) => exponential(u, mean / 2) + exponential(u, mean / 2) });
    within(measure(erlang2, fifo, 1, 100).sojourn, 6.375, 0.02);
  });
});

describe('non-preemptive priorities (Cobham) and the conservation law', () => {
  // T15 (Ciw test, Cobham): class rates 0.2 (high) and 0.6 (low), Exp(1), one agent.
  const w = poissonWorkload({ rates: [0.2, 0, 0, 0.6], meanService: 1, customers: 400_000, seed: 16 });
  // One run per policy on this workload, shared by the tests below (keeps each under a few seconds).
  const runs = new Map<Policy, Measured>();
  const measured = (policy: Policy): Measured => {
    if (!runs.has(policy)) runs.set(policy, measure(w, policy, 1));
    return runs.get(policy)!;
  };
  const [urgent, , , normal] = [CLASS.urgent, CLASS.widespread, CLASS.high, CLASS.normal];

  it('T15: Wq 1.0 for the high class and 5.0 for the low class under triage (±6%)', () => {
    const m = measured(triage);
    within(m.meanByClass[urgent]!, 1.0, 0.06);
    within(m.meanByClass[normal]!, 5.0, 0.06);
  });

  it('T15: the same class means when the low class is served newest first (triage-newest)', () => {
    const m = measured(triageNewest);
    within(m.meanByClass[urgent]!, 1.0, 0.06);
    within(m.meanByClass[normal]!, 5.0, 0.06);
  });

  it('T16: Σ ρ_k Wq_k = ρ·W0/(1−ρ) = 3.2 under every order (±6%)', () => {
    for (const policy of [fifo, newestFirst, triage, triageNewest]) {
      const m = measured(policy);
      within(0.2 * m.meanByClass[urgent]! + 0.6 * m.meanByClass[normal]!, 3.2, 0.06);
    }
  });

  it('P5: M/M/2 non-preemptive, λ=(0.4, 1.2), μ=1 → Wq 0.4444 and 2.2222 (±6%)', () => {
    const two = poissonWorkload({ rates: [0.4, 0, 0, 1.2], meanService: 1, customers: 400_000, seed: 17 });
    const m = measure(two, triage, 2);
    within(m.meanByClass[urgent]!, 0.4444, 0.06);
    within(m.meanByClass[normal]!, 2.2222, 0.06);
  });
});
