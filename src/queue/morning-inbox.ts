import { batchArrivals, type Arrivals } from './arrivals.js';
import type { Distribution } from './distributions.js';
import type { StaffingChange } from './engine.js';

/** The seeds' example (DOMAIN.md §4): 50 messages, 12 hours to 5 minutes old, cleared in 90 minutes. */
export interface MorningInbox {
  readonly batch: number;
  readonly oldestSeconds: number;
  readonly newestSeconds: number;
  /** How long the team takes for the whole inbox; sets the handling time. */
  readonly clearSeconds: number;
  readonly agents: number;
  /** When the team starts, epoch seconds. */
  readonly start: number;
  /** Handling times to draw instead of the one fixed time that clears the inbox in `clearSeconds`. */
  readonly handle?: Distribution;
}

export const MORNING_INBOX_DEFAULTS = { batch: 50, oldest: '12h', newest: '5m', clearTime: '90m', agents: 1 } as const;

export interface Scenario {
  readonly arrivals: Arrivals;
  readonly handle: Distribution;
  readonly staffing: StaffingChange[];
  readonly end: number;
  readonly measureFrom: number;
}

/**
 * A static batch: every message is waiting when the team starts, and each takes the same time,
 * so the team clears the inbox in `clearSeconds` whatever the order. The run ends when the last
 * message is picked up, so utilisation reads over the clearing time. With `handle`, times are
 * drawn from it and the run leaves room for them.
 */
export function morningInbox(spec: MorningInbox): Scenario {
  const handleSeconds = Math.max(1, Math.round((spec.clearSeconds * spec.agents) / spec.batch));
  const arrivals = batchArrivals({
    size: spec.batch,
    oldestSeconds: spec.oldestSeconds,
    newestSeconds: spec.newestSeconds,
    start: spec.start,
  });
  const clearedAt = spec.start + Math.ceil(spec.batch / spec.agents) * handleSeconds;
  return {
    arrivals,
    handle: spec.handle ?? { kind: 'fixed', mean: handleSeconds },
    staffing: [{ at: spec.start, agents: spec.agents }],
    // Random handling times may run past the nominal clearing time: leave room for all of them.
    end: spec.handle ? clearedAt + 2 * Math.ceil((spec.batch * spec.handle.mean) / spec.agents) : clearedAt,
    measureFrom: -Infinity,
  };
}
