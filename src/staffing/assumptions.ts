import { resolveSetting, type Setting } from '../config/resolve.js';
import type { Config } from '../config/schema.js';
import { ACTIVE_DAYS, MAX_LIVE_HANDLE_MINUTES, THROUGHPUT_DAYS, type ExportProfile } from './export-profile.js';

/** Used when neither a flag, the config nor the export gives a value; each is reported as a default. */
const FALLBACK = { liveAhtSeconds: 360, asyncHandleSeconds: 600 } as const;
/** Paid days in a week: the config gives paid hours per day, the plan paid hours per week. */
const WORKING_DAYS_PER_WEEK = 5;

/** The window `activeAgents` counts assignees in, as the notes and the --agents help word it. */
export const ACTIVE_WINDOW = `the last ${ACTIVE_DAYS / 7} weeks`;

/** The staffing flags' values (durations in seconds), each as typed on the command line or its built-in default. */
export interface StaffingFlagValues {
  shrinkage: number;
  maxOccupancy: number;
  hoursPerWeek: number;
  leadTime: number;
  span: number;
  /** Per email/web ticket, or 'measured' (from the export, throughput included). */
  handleTime: number | 'measured';
  /** Chat/phone handle time; no built-in default (the export or FALLBACK gives one). */
  aht?: number;
  /** Current team in FTE; no built-in default (the export gives one). */
  agents?: number;
}

export interface StaffingAssumptions {
  shrinkage: Setting<number>;
  maxOccupancy: Setting<number>;
  hoursPerWeek: Setting<number>;
  leadTimeSeconds: Setting<number>;
  span: Setting<number>;
  asyncHandleSeconds: Setting<number>;
  liveAhtSeconds: Setting<number>;
  agents: Setting<number>;
}

/**
 * Seconds per ticket that `ticketsPerAgentDay` implies: a paid day at the planned shrinkage and
 * occupancy, shared among the tickets.
 */
export function handleSecondsFromThroughput(
  ticketsPerAgentDay: number,
  plan: { hoursPerWeek: number; shrinkage: number; maxOccupancy: number },
): number {
  return ((plan.hoursPerWeek / WORKING_DAYS_PER_WEEK) * 3600 * (1 - plan.shrinkage) * plan.maxOccupancy) / ticketsPerAgentDay;
}

/**
 * The staffing inputs, each from the first place that has it: a typed flag, then the config
 * file, then what the export shows (where it can), then the built-in default. `typed` tells a
 * flag typed on the command line from its default.
 */
export function resolveStaffingAssumptions(
  flags: StaffingFlagValues,
  typed: (flag: keyof StaffingFlagValues) => boolean,
  config: NonNullable<Config['staffing']>,
  profile: ExportProfile,
): StaffingAssumptions {
  const layered = (flag: 'shrinkage' | 'maxOccupancy' | 'hoursPerWeek' | 'leadTime' | 'span', configValue: number | undefined) =>
    resolveSetting({ flag: typed(flag) ? flags[flag] : undefined, config: configValue }, flags[flag]);
  const shrinkage = layered('shrinkage', config.shrinkage);
  const maxOccupancy = layered('maxOccupancy', config.occupancy);
  const hoursPerWeek = layered('hoursPerWeek', config.hoursPerDay === undefined ? undefined : config.hoursPerDay * WORKING_DAYS_PER_WEEK);
  const leadTimeSeconds = layered('leadTime', config.hiringLeadTime === undefined ? undefined : config.hiringLeadTime * 60);
  const span = layered('span', config.span);
  const plan = { hoursPerWeek: hoursPerWeek.value, shrinkage: shrinkage.value, maxOccupancy: maxOccupancy.value };
  // Handling time the helpdesk recorded is a measurement of the work itself, so it comes before
  // the default (though after a flag or the config).
  const recorded = profile.asyncHandleMinutes === null ? undefined : profile.asyncHandleMinutes * 60;
  let asyncHandleSeconds: Setting<number>;
  if (flags.handleTime === 'measured') {
    // Throughput measured from an export shows how busy the team was, not how long a ticket
    // takes (an under-loaded team looks slow), so it is used only when asked for.
    const throughput = profile.solvedPerAgentDay === null ? undefined : handleSecondsFromThroughput(profile.solvedPerAgentDay, plan);
    asyncHandleSeconds = resolveSetting({ measured: recorded ?? throughput }, FALLBACK.asyncHandleSeconds);
  } else {
    const configured =
      config.handleTime !== undefined
        ? config.handleTime * 60
        : config.ticketsPerAgentPerDay !== undefined
          ? handleSecondsFromThroughput(config.ticketsPerAgentPerDay, plan)
          : undefined;
    asyncHandleSeconds = resolveSetting(
      { flag: typed('handleTime') ? flags.handleTime : undefined, config: configured, measured: recorded },
      flags.handleTime,
    );
  }
  const liveHandle = profile.liveHandleMinutes === null ? undefined : profile.liveHandleMinutes * 60;
  const liveAhtSeconds = resolveSetting({ flag: flags.aht, measured: liveHandle }, FALLBACK.liveAhtSeconds);
  const agents = resolveSetting({ flag: flags.agents, measured: profile.activeAgents > 0 ? profile.activeAgents : undefined }, 0);
  return { shrinkage, maxOccupancy, hoursPerWeek, leadTimeSeconds, span, asyncHandleSeconds, liveAhtSeconds, agents };
}

/** How each measured input was measured, so the user can judge it. */
export function explainAssumptions(profile: ExportProfile, assumptions: StaffingAssumptions): string[] {
  const notes: string[] = [];
  if (assumptions.liveAhtSeconds.source === 'measured') {
    notes.push(
      profile.liveHandleFrom === 'recorded'
        ? `chat/phone handle time: mean recorded handling time of ${profile.liveHandleSamples} live contacts`
        : `chat/phone handle time: median created-to-solved time of ${profile.liveHandleSamples} live contacts under ${MAX_LIVE_HANDLE_MINUTES / 60} hours`,
    );
  }
  if (assumptions.asyncHandleSeconds.source === 'measured') {
    notes.push(
      profile.asyncHandleMinutes !== null
        ? `email/web handle time: mean recorded handling time of ${profile.asyncHandleSamples} tickets`
        : `email/web handle time: at most what is implied by ${profile.solvedPerAgentDay!.toFixed(1)} tickets solved per agent per day worked (${profile.agentDays} agent-days, last ${THROUGHPUT_DAYS / 7} weeks), at the planned shrinkage and occupancy`,
    );
  }
  const agents = assumptions.agents.source;
  if (agents === 'measured') notes.push(`current team: ${profile.activeAgents} assignees active in ${ACTIVE_WINDOW} of the export, counted as full-time`);
  if (agents === 'default') notes.push('current team: unknown (no assignees in the export); give --agents');
  return notes;
}
