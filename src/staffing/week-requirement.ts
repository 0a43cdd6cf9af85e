import { HOURS_PER_WEEK } from '../model/time.js';
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
  /** Productive agents per hour of the week (fractional: async work follows async arrivals). */
  hourly: number[];
  /** Live agents per hour from Erlang sizing. */
  liveHourly: number[];
  asyncAgentHours: number;
  fte: number;
}

/**
 * Live channels: Erlang sizing per hour of the week on that hour's share of the volume.
 * Async channels: the workload method, volume × handle time ÷ occupancy, placed in covered hours
 * as async tickets arrive (those arriving outside them wait for the next staffed hour). Every covered hour keeps at
 * least `minAgents`. FTE = staffed hours ÷ (1 − shrinkage) ÷ paid hours per week.
 */
export function weekRequirement(volume: number, params: StaffingParams, sizingCache = new Map<number, number>()): WeekRequirement {
  const liveHourly = new Array<number>(HOURS_PER_WEEK).fill(0);
  let asyncVolume = volume * (1 - params.liveShare);
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const liveVolume = volume * params.liveShare * params.liveHours[h]!;
    if (!params.coverage[h]) {
      asyncVolume += liveVolume;
      continue;
    }
    liveHourly[h] = liveAgents(liveVolume, params, sizingCache);
  }
  const asyncAgentHours = (asyncVolume * params.asyncHandleSeconds) / 3600 / params.maxOccupancy;
  const asyncShare = asyncSharePerHour(params);
  const hourly = liveHourly.map((live, h) =>
    params.coverage[h] ? Math.max(params.minAgents, live + asyncAgentHours * asyncShare[h]!) : 0,
  );
  const staffed = hourly.reduce((s, a) => s + a, 0);
  return { hourly, liveHourly, asyncAgentHours, fte: staffed / (1 - params.shrinkage) / params.hoursPerWeek };
}

/**
 * Where the async agent-hours go: in proportion to async arrivals in covered hours, so the
 * desk is staffed when tickets come in; evenly when none arrive in covered hours.
 */
function asyncSharePerHour(params: StaffingParams): number[] {
  let inCovered = 0;
  let covered = 0;
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    if (!params.coverage[h]) continue;
    covered++;
    inCovered += params.asyncHours[h]!;
  }
  return Array.from({ length: HOURS_PER_WEEK }, (_, h) =>
    !params.coverage[h] ? 0 : inCovered > 0 ? params.asyncHours[h]! / inCovered : 1 / covered,
  );
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
