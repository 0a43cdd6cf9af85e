import { HOURS_PER_WEEK } from '../model/time.js';
import { poissonArrivals } from '../queue/arrivals.js';
import { draw } from '../queue/distributions.js';
import { simulate, type StaffingChange } from '../queue/engine.js';
import { fifo } from '../queue/policies.js';
import { uniformSource } from '../queue/random.js';

export interface ReplyCheckInput {
  /** Async tickets in the simulated week. */
  volume: number;
  /** Share of the week's async arrivals per hour (Monday 00:00 first). */
  hours: Float64Array;
  /** Staffed hours of the week: waits are counted in these hours only (a business-hours target). */
  coverage: readonly boolean[];
  /** Productive agents on async work per hour of the week. */
  agents: readonly number[];
  handleSeconds: number;
  targetSeconds: number;
  /** Share of tickets that must get a first reply within the target. */
  targetShare: number;
  /** Epoch seconds of the week's Monday 00:00 in `tz`. */
  weekStart: number;
  tz: string;
  seed: number;
}

export interface ReplyCheck {
  targetSeconds: number;
  targetShare: number;
  /** Share of the measured week's tickets first answered within the target. */
  withinTarget: number;
  tickets: number;
  met: boolean;
}

const WEEK = 7 * 86_400;

/**
 * Replays the staffed week in the queue simulator, first come first served: a warm-up week, the
 * measured week, then a third week for the backlog to drain. A first reply is the moment an
 * agent picks the ticket up.
 */
export function checkFirstReply(input: ReplyCheckInput): ReplyCheck {
  const u = uniformSource(input.seed);
  const arrivals = poissonArrivals(
    {
      ratePerSecond: input.volume / WEEK,
      from: input.weekStart,
      to: input.weekStart + 2 * WEEK,
      // The simulator reads the profile as multipliers of the mean rate, so they average 1.
      profile: { weights: input.hours.map((share) => share * HOURS_PER_WEEK), tz: input.tz },
    },
    u,
  );
  const handle = draw({ kind: 'exp', mean: input.handleSeconds }, u, arrivals.arrival.length);
  const staffing: StaffingChange[] = [];
  for (let week = 0; week < 3; week++) {
    input.agents.forEach((agents, h) => staffing.push({ at: input.weekStart + week * WEEK + h * 3600, agents }));
  }
  const end = input.weekStart + 3 * WEEK;
  const outcome = simulate({ ...arrivals, handle }, fifo, { end, measureFrom: input.weekStart + WEEK, staffing });
  let tickets = 0;
  let within = 0;
  arrivals.arrival.forEach((at, i) => {
    if (at < input.weekStart + WEEK) return;
    tickets++;
    const start = outcome.start[i]!;
    if (!Number.isNaN(start) && coveredSeconds(at, start, input) <= input.targetSeconds) within++;
  });
  const withinTarget = tickets > 0 ? within / tickets : 1;
  return { targetSeconds: input.targetSeconds, targetShare: input.targetShare, withinTarget, tickets, met: withinTarget >= input.targetShare };
}

/** Seconds between two instants that fall in covered hours (the clock a business-hours target runs on). */
function coveredSeconds(from: number, to: number, input: ReplyCheckInput): number {
  let total = 0;
  for (let t = from; t < to; ) {
    const hourEnd = input.weekStart + (Math.floor((t - input.weekStart) / 3600) + 1) * 3600;
    const hourOfWeek = Math.floor((t - input.weekStart) / 3600) % HOURS_PER_WEEK;
    if (input.coverage[hourOfWeek]) total += Math.min(hourEnd, to) - t;
    t = hourEnd;
  }
  return total;
}
