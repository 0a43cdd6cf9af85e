import { draw, type Distribution } from './distributions.js';
import { simulate, type RunTrace, type StaffingChange } from './engine.js';
import type { Arrivals } from './arrivals.js';
import type { Policy } from './policies.js';
import { subSeed, uniformSource } from './random.js';
import { summarise, type RunSummary } from './summary.js';
import { verdict, type Verdict } from './verdict.js';

/** Streams of the seed, so each source of randomness is reproducible on its own. */
export const STREAM = { arrivals: 0, handle: 1, patience: 2 } as const;

export interface ComparisonSpec {
  readonly arrivals: Arrivals;
  readonly policies: readonly Policy[];
  readonly handle: Distribution;
  /** Customer patience; answered-before-patience is reported only with one. */
  readonly patience?: Distribution;
  readonly seed: number;
  readonly staffing: readonly StaffingChange[];
  /** Horizon and end of warm-up, epoch seconds. */
  readonly end: number;
  readonly measureFrom: number;
  readonly slaMinutes: readonly number[];
  readonly traceEvery?: number;
}

export interface PolicyReport extends RunSummary {
  readonly policy: string;
  readonly events: number;
  readonly trace?: RunTrace;
}

export interface Comparison {
  readonly policies: PolicyReport[];
  readonly verdict: Verdict;
  /** Events processed over all policies (the benchmark's unit). */
  readonly events: number;
}

/**
 * Runs every policy on the same tickets with the same handling times and patience (common
 * random numbers), so differences between policies come from the order alone.
 */
export function comparePolicies(spec: ComparisonSpec): Comparison {
  const n = spec.arrivals.arrival.length;
  const handle = draw(spec.handle, uniformSource(subSeed(spec.seed, STREAM.handle)), n);
  const patience = spec.patience ? draw(spec.patience, uniformSource(subSeed(spec.seed, STREAM.patience)), n) : undefined;
  const workload = { ...spec.arrivals, handle };
  const summaryOptions = { measureFrom: spec.measureFrom, slaMinutes: spec.slaMinutes, ...(patience ? { patience } : {}) };
  let events = 0;
  const policies = spec.policies.map((policy): PolicyReport => {
    const run = simulate(workload, policy, {
      end: spec.end,
      measureFrom: spec.measureFrom,
      staffing: spec.staffing,
      ...(spec.traceEvery ? { traceEvery: spec.traceEvery } : {}),
    });
    events += run.events;
    return {
      policy: policy.name,
      ...summarise(workload, run, summaryOptions),
      events: run.events,
      ...(run.trace ? { trace: run.trace } : {}),
    };
  });
  return { policies, verdict: verdict(policies, spec.slaMinutes, patience !== undefined), events };
}
