/**
 * Erlang A (M/M/N+M): Erlang C plus customers who give up after an exponential patience.
 * Computed exactly from the birth–death chain, truncated once its tail no longer counts; it
 * is stable at any load because waiting customers leave. Times are in seconds.
 */

export interface ErlangAInput {
  /** Arrivals per second. */
  arrivalRate: number;
  ahtSeconds: number;
  patienceSeconds: number;
}

export interface ErlangAMetrics {
  waitProbability: number;
  abandonProbability: number;
  occupancy: number;
  /** Mean wait over all arrivals, those who abandon included. */
  asaSeconds: number;
  queueLength: number;
}

/**
 * Normalised stationary probabilities p[n] of n customers in the system: what erlangAMetrics
 * and erlangAServiceLevel both read, so a caller wanting both builds it once.
 */
export function erlangAStationary(agents: number, { arrivalRate, ahtSeconds, patienceSeconds }: ErlangAInput): number[] {
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const probs = [1];
  let total = 1;
  for (let n = 1; ; n++) {
    const departures = Math.min(n, agents) * mu + Math.max(n - agents, 0) * theta;
    const term = (probs[n - 1]! * arrivalRate) / departures;
    probs.push(term);
    total += term;
    if (n > agents && term < 1e-15 * total) break;
    if (term > 1e250) {
      // Heavy traffic: rescale before the products overflow; only ratios matter.
      for (let i = 0; i < probs.length; i++) probs[i]! /= 1e250;
      total /= 1e250;
    }
  }
  return probs.map((p) => p / total);
}

function metricsFrom(probs: number[], agents: number, input: ErlangAInput): ErlangAMetrics {
  let waitProbability = 0;
  let queueLength = 0;
  for (let n = agents; n < probs.length; n++) {
    waitProbability += probs[n]!;
    queueLength += (n - agents) * probs[n]!;
  }
  const abandonProbability = queueLength / input.patienceSeconds / input.arrivalRate;
  const served = input.arrivalRate * (1 - abandonProbability);
  return {
    waitProbability,
    abandonProbability,
    occupancy: (served * input.ahtSeconds) / agents,
    asaSeconds: queueLength / input.arrivalRate,
    queueLength,
  };
}

export function erlangAMetrics(agents: number, input: ErlangAInput, probs = erlangAStationary(agents, input)): ErlangAMetrics {
  return metricsFrom(probs, agents, input);
}

/**
 * P(served within t) for an arrival that finds j customers ahead in the queue, for every j.
 * The tagged customer moves up at rate Nμ + jθ (someone ahead starts service or leaves) and
 * gives up at rate θ. Uniformisation turns this into a discrete chain weighted by Poisson
 * jump counts; the backward recursion yields every starting position in one pass.
 */
function servedWithin(agents: number, maxAhead: number, t: number, input: ErlangAInput): Float64Array {
  const result = new Float64Array(maxAhead + 1);
  if (t <= 0) return result;
  const mu = 1 / input.ahtSeconds;
  const theta = 1 / input.patienceSeconds;
  const rate = agents * mu + (maxAhead + 1) * theta;
  const mean = rate * t;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 50);
  let absorbed = new Float64Array(maxAhead + 1);
  let logWeight = -mean;
  for (let k = 1; k <= steps; k++) {
    const next = new Float64Array(maxAhead + 1);
    for (let j = 0; j <= maxAhead; j++) {
      const advance = agents * mu + j * theta;
      const stay = rate - advance - theta;
      const ahead = j === 0 ? 1 : absorbed[j - 1]!;
      next[j] = (advance * ahead + stay * absorbed[j]!) / rate;
    }
    absorbed = next;
    logWeight += Math.log(mean) - Math.log(k);
    const weight = Math.exp(logWeight);
    for (let j = 0; j <= maxAhead; j++) result[j]! += weight * absorbed[j]!;
  }
  return result;
}

/** Share of arrivals whose service starts within `thresholdSeconds` (those who abandon never count). */
export function erlangAServiceLevel(
  agents: number,
  input: ErlangAInput,
  thresholdSeconds: number,
  probs = erlangAStationary(agents, input),
): number {
  let level = 0;
  for (let n = 0; n < Math.min(agents, probs.length); n++) level += probs[n]!;
  const maxAhead = probs.length - 1 - agents;
  if (maxAhead < 0) return Math.min(1, level);
  const within = servedWithin(agents, maxAhead, thresholdSeconds, input);
  for (let n = agents; n < probs.length; n++) level += probs[n]! * within[n - agents]!;
  return Math.min(1, level);
}
