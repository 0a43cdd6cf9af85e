/**
 * Erlang B and Erlang C for one staffing interval. Every time argument is in seconds, so
 * traffic, handle time and the service-level threshold can never be mixed across units.
 *
 * Factorials overflow float64 from 171!, so nothing here forms A^N/N!: the loss
 * probability comes from the Erlang B recursion and the delay probability from it.
 */

/** Erlang B: probability that an arrival finds all `agents` busy in a loss system. */
export function erlangB(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  let inverse = 1;
  // 1/B(k) = 1 + (k/A)·1/B(k−1), for k = 1..N inclusive (stopping at N−1 is a published bug).
  for (let k = 1; k <= agents; k++) inverse = nextInverseErlangB(inverse, k, traffic);
  return 1 / inverse;
}

/** Erlang C: probability that an arrival waits. 1 when the queue is unstable (agents ≤ traffic). */
export function erlangC(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  return erlangCFromB(agents, traffic, erlangB(agents, traffic));
}

/** Erlang C from the Erlang B value of the same agents and traffic (agents > traffic). */
export function erlangCFromB(agents: number, traffic: number, b: number): number {
  return (agents * b) / (agents - traffic * (1 - b));
}

/** 1/B(agents) from 1/B(agents − 1): one step of the recursion erlangB runs. */
export const nextInverseErlangB = (inverse: number, agents: number, traffic: number): number =>
  1 + (inverse * agents) / traffic;

/** Share of arrivals answered within `thresholdSeconds`; `wait` is Erlang C when already known. */
export function serviceLevel(agents: number, traffic: number, ahtSeconds: number, thresholdSeconds: number, wait?: number): number {
  if (agents <= traffic) return traffic <= 0 ? 1 : 0;
  return 1 - (wait ?? erlangC(agents, traffic)) * Math.exp((-(agents - traffic) * thresholdSeconds) / ahtSeconds);
}

/** Average speed of answer in seconds, over all arrivals (those answered at once count as 0). */
export function averageSpeedOfAnswer(agents: number, traffic: number, ahtSeconds: number, wait?: number): number {
  if (agents <= traffic) return traffic <= 0 ? 0 : Number.POSITIVE_INFINITY;
  return ((wait ?? erlangC(agents, traffic)) * ahtSeconds) / (agents - traffic);
}

/**
 * Scheduled positions for `agents` productive ones. The small epsilon keeps a quotient such as
 * 14 / 0.7 = 20.000000000000004 from rounding up to 21.
 */
export function positionsWithShrinkage(agents: number, shrinkage: number): number {
  return Math.ceil(agents / (1 - shrinkage) - 1e-9);
}
