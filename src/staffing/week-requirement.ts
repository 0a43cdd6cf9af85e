import { HOURS_PER_WEEK } from './export-profile.js';
import { size, type SizingTarget } from './queue-model.js';

/** Everything needed to turn one week's volume into agents per hour and FTE. */
export interface StaffingParams {
  liveShare: number;
  liveHours: Float64Array;
  asyncHours: Float64Array;
  /** Covered hours of the week; live contacts outside them are answered later, as async work. */
  coverage: readonly boolean[];
  liveAhtSeconds: number;
  thresholdSeconds: number;
  liveTarget: SizingTarget;
  patienceSeconds?: number;
  /** Handling seconds per asynchronous ticket (email, web form…). */
  asyncHandleSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
  /** Paid hours of one FTE per week. */
  hoursPerWeek: number;
  /** Agents every covered hour needs, however quiet. */
  minAgents: number;
}

export interface WeekRequirement {
  /** Productive agents per hour of the week (fractional: async work spreads evenly). */
  hourly: number[];
  /** Live agents per hour from Erlang sizing. */
  liveHourly: number[];
  asyncAgentHours: number;
  fte: number;
}

/**
 * Live channels: Erlang sizing per hour of the week on that hour's share of the volume.
 * Async channels: the workload method, volume × handle time ÷ occupancy, spread over the
 * covered hours (a backlog can wait for the next staffed hour). Every covered hour keeps at
 * least `minAgents`. FTE = staffed hours ÷ (1 − shrinkage) ÷ paid hours per week.
 */
export function weekRequirement(volume: number, params: StaffingParams, sizingCache = new Map<number, number>()): WeekRequirement {
  const liveHourly = new Array<number>(HOURS_PER_WEEK).fill(0);
  let asyncVolume = volume * (1 - params.liveShare);
  let covered = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const liveVolume = volume * params.liveShare * params.liveHours[h]!;
    if (!params.coverage[h]) {
      asyncVolume += liveVolume;
      continue;
    }
    covered++;
    liveHourly[h] = liveAgents(liveVolume, params, sizingCache);
  }
  const asyncAgentHours = (asyncVolume * params.asyncHandleSeconds) / 3600 / params.maxOccupancy;
  const asyncPerHour = covered > 0 ? asyncAgentHours / covered : 0;
  const hourly = liveHourly.map((live, h) => (params.coverage[h] ? Math.max(params.minAgents, live + asyncPerHour) : 0));
  const staffed = hourly.reduce((s, a) => s + a, 0);
  return { hourly, liveHourly, asyncAgentHours, fte: staffed / (1 - params.shrinkage) / params.hoursPerWeek };
}

/** Erlang agents for one hour's live volume; sizings repeat often, so they are cached by volume. */
function liveAgents(volume: number, params: StaffingParams, cache: Map<number, number>): number {
  const key = Math.round(volume * 1000) / 1000;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const sizing = size(
    {
      volume: key,
      intervalSeconds: 3600,
      ahtSeconds: params.liveAhtSeconds,
      thresholdSeconds: params.thresholdSeconds,
      ...(params.patienceSeconds !== undefined && { patienceSeconds: params.patienceSeconds }),
    },
    { target: params.liveTarget, maxOccupancy: params.maxOccupancy, shrinkage: 0 },
  );
  cache.set(key, sizing.agents);
  return sizing.agents;
}
