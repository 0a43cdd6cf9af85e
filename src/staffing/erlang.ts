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
  for (let k = 1; k <= agents; k++) inverse = 1 + (inverse * k) / traffic;
  return 1 / inverse;
}

/** Erlang C: probability that an arrival waits. 1 when the queue is unstable (agents ≤ traffic). */
export function erlangC(agents: number, traffic: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  const b = erlangB(agents, traffic);
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Share of arrivals answered within `thresholdSeconds`. */
export function serviceLevel(agents: number, traffic: number, ahtSeconds: number, thresholdSeconds: number): number {
  if (agents <= traffic) return traffic <= 0 ? 1 : 0;
  return 1 - erlangC(agents, traffic) * Math.exp((-(agents - traffic) * thresholdSeconds) / ahtSeconds);
}

/** Average speed of answer in seconds, over all arrivals (those answered at once count as 0). */
export function averageSpeedOfAnswer(agents: number, traffic: number, ahtSeconds: number): number {
  if (agents <= traffic) return traffic <= 0 ? 0 : Number.POSITIVE_INFINITY;
  return (erlangC(agents, traffic) * ahtSeconds) / (agents - traffic);
}

/**
 * Scheduled positions for `agents` productive ones. The small epsilon keeps a quotient such as
 * 14 / 0.7 = 20.000000000000004 from rounding up to 21.
 */
export function positionsWithShrinkage(agents: number, shrinkage: number): number {
  return Math.ceil(agents / (1 - shrinkage) - 1e-9);
}

/** Fewest lines with Erlang B blocking at or below `maxBlocking`. */
export function erlangBLines(traffic: number, maxBlocking: number): number {
  if (traffic <= 0) return 0;
  let lines = 0;
  let inverse = 1;
  // The same recursion as erlangB, advanced one line at a time instead of restarting per count.
  while (1 / inverse > maxBlocking) {
    lines++;
    inverse = 1 + (inverse * lines) / traffic;
  }
  return lines;
}
