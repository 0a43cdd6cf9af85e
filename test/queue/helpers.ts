import { CLASS } from '../../src/queue/classes.js';
import type { StaffingChange, Workload } from '../../src/queue/engine.js';
import { exponential, uniformSource, type Uniform } from '../../src/queue/random.js';

/** A workload from plain arrays; every ticket normal unless classes are given. */
export function workload(arrivals: number[], handle: number | number[], classes?: number[]): Workload {
  const n = arrivals.length;
  return {
    arrival: Float64Array.from(arrivals),
    cls: Uint8Array.from(classes ?? arrivals.map(() => CLASS.normal)),
    handle: Float64Array.from(Array.isArray(handle) ? handle : Array.from({ length: n }, () => handle)),
  };
}

/** `agents` on duty from time 0 on. */
export const roundTheClock = (agents: number): StaffingChange[] => [{ at: 0, agents }];

export interface PoissonSpec {
  /** Arrival rate per class, per time unit. */
  rates: number[];
  /** Mean handling time per class, in time units. */
  meanService: number | number[];
  customers: number;
  seed: number;
  /** Seconds per time unit: integer seconds need a fine grain (1000 s per unit keeps rounding below 0.1%). */
  unit?: number;
  /** Service-time sampler (default exponential). */
  service?: (u: Uniform, mean: number) => number;
}

/**
 * A Poisson multi-class workload in whole seconds: superposed streams, class drawn in
 * proportion to its rate, handling times drawn per ticket (at least one second).
 */
export function poissonWorkload(spec: PoissonSpec): Workload {
  const unit = spec.unit ?? 1000;
  const u = uniformSource(spec.seed);
  const total = spec.rates.reduce((a, b) => a + b, 0);
  const arrival = new Float64Array(spec.customers);
  const cls = new Uint8Array(spec.customers);
  const handle = new Float64Array(spec.customers);
  const sample = spec.service ?? exponential;
  let t = 0;
  for (let i = 0; i < spec.customers; i++) {
    t += exponential(u, 1 / total);
    arrival[i] = Math.round(t * unit);
    let pick = u() * total;
    let k = 0;
    while (k < spec.rates.length - 1 && pick >= spec.rates[k]!) pick -= spec.rates[k++]!;
    cls[i] = k;
    const mean = Array.isArray(spec.meanService) ? spec.meanService[k]! : spec.meanService;
    handle[i] = Math.max(1, Math.round(sample(u, mean) * unit));
  }
  return { arrival, cls, handle };
}
