import { erlangAMetrics, erlangAServiceLevel, erlangAStationary } from './erlang-a.js';
import { averageSpeedOfAnswer, erlangC, erlangCFromB, nextInverseErlangB, positionsWithShrinkage, serviceLevel } from './erlang.js';

/** One live-channel interval: arrivals, handle time and the answer-time threshold, in seconds. */
export interface IntervalLoad {
  volume: number;
  intervalSeconds: number;
  ahtSeconds: number;
  thresholdSeconds: number;
  /** Mean patience before a waiting customer gives up; set it to use Erlang A instead of C. */
  patienceSeconds?: number;
}

export interface StaffingLevel {
  model: 'erlang-c' | 'erlang-a';
  traffic: number;
  agents: number;
  waitProbability: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  /** Erlang A only; Erlang C customers never give up. */
  abandonProbability?: number;
}

export const trafficOf = (load: IntervalLoad): number => (load.volume / load.intervalSeconds) * load.ahtSeconds;

/** How `agents` perform on `load`. Erlang C needs agents > traffic (the caller checks). */
export function evaluate(load: IntervalLoad, agents: number): StaffingLevel {
  const traffic = trafficOf(load);
  if (load.patienceSeconds !== undefined) {
    const input = {
      arrivalRate: load.volume / load.intervalSeconds,
      ahtSeconds: load.ahtSeconds,
      patienceSeconds: load.patienceSeconds,
    };
    const probs = erlangAStationary(agents, input);
    const metrics = erlangAMetrics(agents, input, probs);
    return {
      model: 'erlang-a',
      traffic,
      agents,
      waitProbability: metrics.waitProbability,
      serviceLevel: erlangAServiceLevel(agents, input, load.thresholdSeconds, probs),
      asaSeconds: metrics.asaSeconds,
      occupancy: metrics.occupancy,
      abandonProbability: metrics.abandonProbability,
    };
  }
  return erlangCLevel(load, traffic, agents, erlangC(agents, traffic));
}

/** The Erlang C level of `agents`, from the probability of waiting (Erlang C) worked out once. */
function erlangCLevel(load: IntervalLoad, traffic: number, agents: number, wait: number): StaffingLevel {
  return {
    model: 'erlang-c',
    traffic,
    agents,
    waitProbability: wait,
    serviceLevel: serviceLevel(agents, traffic, load.ahtSeconds, load.thresholdSeconds, wait),
    asaSeconds: averageSpeedOfAnswer(agents, traffic, load.ahtSeconds, wait),
    occupancy: traffic / agents,
  };
}

export type SizingTarget =
  | { kind: 'service-level'; target: number }
  | { kind: 'asa'; targetSeconds: number };

export interface SizingOptions {
  target: SizingTarget;
  /** Highest acceptable occupancy (0–1]; the count rises until it is met. */
  maxOccupancy: number;
  /** Share of paid time not spent answering, in [0, 1). */
  shrinkage: number;
  /** Erlang A only: highest acceptable share of customers giving up. */
  maxAbandon?: number;
}

export interface Sizing extends StaffingLevel {
  /** Agents on the scheduled roster once shrinkage is added back. */
  positions: number;
  /** The last levels tried on the way, smallest first (what WFM tools show as the staffing curve). */
  curve: StaffingLevel[];
}

const meets = (level: StaffingLevel, options: SizingOptions): boolean => {
  const target = options.target;
  const onTarget =
    target.kind === 'service-level' ? level.serviceLevel >= target.target : level.asaSeconds <= target.targetSeconds;
  return (
    onTarget &&
    level.occupancy <= options.maxOccupancy + 1e-12 &&
    (level.abandonProbability ?? 0) <= (options.maxAbandon ?? 1)
  );
};

/** Levels of the staffing curve kept for display: the last ones tried, up to the answer. */
const CURVE_LENGTH = 12;

const withCurvePoint = (curve: StaffingLevel[], level: StaffingLevel): void => {
  curve.push(level);
  if (curve.length > CURVE_LENGTH) curve.shift();
};

/**
 * Fewest agents that meet the target, the occupancy cap and (Erlang A) the abandonment cap,
 * searching upwards as pyworkforce and ErlangC (R) do. Erlang C starts at the smallest stable
 * count; Erlang A, stable at any load, starts at the traffic itself.
 */
export function size(load: IntervalLoad, options: SizingOptions): Sizing {
  const traffic = trafficOf(load);
  if (traffic <= 0) {
    const model = load.patienceSeconds !== undefined ? 'erlang-a' : 'erlang-c';
    const idle = { model, traffic: 0, agents: 0, waitProbability: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 } as const;
    return { ...idle, positions: 0, curve: [] };
  }
  if (load.patienceSeconds === undefined) return sizeErlangC(load, traffic, options);
  let agents = Math.max(1, Math.floor(traffic));
  const curve: StaffingLevel[] = [];
  // SL → 1 and ASA → 0 as agents grow, so any target in (0, 1) or > 0 s ends the loop.
  for (;;) {
    const level = evaluate(load, agents);
    withCurvePoint(curve, level);
    if (meets(level, options)) return { ...level, positions: positionsWithShrinkage(agents, options.shrinkage), curve };
    agents++;
  }
}

/**
 * The Erlang C search, carrying the Erlang B recursion from one count to the next: evaluating
 * each count afresh costs O(agents), which made sizing a large load quadratic (minutes for
 * 80,000 Erlangs); carried over, each step is O(1).
 */
function sizeErlangC(load: IntervalLoad, traffic: number, options: SizingOptions): Sizing {
  let agents = Math.floor(traffic) + 1;
  let inverseB = 1;
  for (let k = 1; k <= agents; k++) inverseB = nextInverseErlangB(inverseB, k, traffic);
  const curve: StaffingLevel[] = [];
  // SL → 1 and ASA → 0 as agents grow, so any target in (0, 1) or > 0 s ends the loop.
  for (;;) {
    const level = erlangCLevel(load, traffic, agents, erlangCFromB(agents, traffic, 1 / inverseB));
    withCurvePoint(curve, level);
    if (meets(level, options)) return { ...level, positions: positionsWithShrinkage(agents, options.shrinkage), curve };
    agents++;
    inverseB = nextInverseErlangB(inverseB, agents, traffic);
  }
}
