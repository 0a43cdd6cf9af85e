import { derive } from '../metrics/derive.js';
import { percentile } from '../metrics/percentile.js';
import type { TicketTable } from '../model/table.js';
import { CHANNELS } from '../model/ticket.js';
import { dayNumber, HOURS_PER_WEEK, wallClock } from '../model/time.js';
import { dailyCreated, type DailyCounts } from './daily-counts.js';

/** Channels where the customer waits on the line: staffed by Erlang, not by workload. */
const LIVE_CHANNELS = new Set([CHANNELS.indexOf('chat'), CHANNELS.indexOf('phone')]);

/** A live contact whose whole lifetime exceeds this was not one conversation; not an AHT sample. */
export const MAX_LIVE_HANDLE_MINUTES = 120;
/** Fewest handling times (recorded, or live lifetimes) that stand in for a typed or default one. */
export const MIN_AHT_SAMPLES = 10;
/** Recent windows: who is on the team now, and how fast it clears tickets. */
export const ACTIVE_DAYS = 28;
export const THROUGHPUT_DAYS = 56;

/** What the forecast learns from the export besides daily volume. */
export interface ExportProfile {
  daily: DailyCounts;
  tickets: number;
  /** Share of tickets on live channels (chat, phone). */
  liveShare: number;
  /** Share of each hour of the week (weekday × 24 + hour, Monday first) in live and other arrivals. */
  liveHours: Float64Array;
  asyncHours: Float64Array;
  /** Assignees with a ticket created or solved in the last four weeks of the export. */
  activeAgents: number;
  /** Solved tickets per agent per day worked (days on which that agent solved something), last 8 weeks. */
  solvedPerAgentDay: number | null;
  agentDays: number;
  /**
   * Live-channel AHT: the mean recorded handling time where the export has one (Intercom,
   * Zendesk time tracking), else the median created → solved minutes of short live contacts,
   * the closest thing to AHT an export without it has.
   */
  liveHandleMinutes: number | null;
  liveHandleSamples: number;
  liveHandleFrom: 'recorded' | 'lifetime' | null;
  /** Mean recorded handling time of email/web tickets; null when the export records too few. */
  asyncHandleMinutes: number | null;
  asyncHandleSamples: number;
}

const mean = (values: readonly number[]): number => values.reduce((sum, x) => sum + x, 0) / values.length;

const normalise = (counts: Float64Array): Float64Array => {
  const total = counts.reduce((s, c) => s + c, 0);
  return total > 0 ? counts.map((c) => c / total) : counts.fill(1 / counts.length);
};

export function profileExport(table: TicketTable, tz: string): ExportProfile {
  const daily = dailyCreated(table, tz);
  // Resolution times and the solved flag as metrics has them, computed from timestamps where the export lacks them.
  const derived = derive(table, tz);
  const lastDay = daily.firstDay + daily.counts.length - 1;
  const live = new Float64Array(HOURS_PER_WEEK);
  const other = new Float64Array(HOURS_PER_WEEK);
  const active = new Set<number>();
  const agentDays = new Set<string>();
  const handle: number[] = [];
  const recordedLive: number[] = [];
  const recordedAsync: number[] = [];
  let liveCount = 0;
  let tickets = 0;
  let solvedRecent = 0;
  for (let i = 0; i < table.length; i++) {
    const created = table.createdAt[i]!;
    if (Number.isNaN(created)) continue;
    tickets++;
    const clock = wallClock(created, tz);
    const isLive = LIVE_CHANNELS.has(table.channel[i]!);
    (isLive ? live : other)[clock.weekday * 24 + clock.hour]!++;
    const recorded = table.handleMinutes[i]!;
    if (recorded > 0) (isLive ? recordedLive : recordedAsync).push(recorded);
    if (isLive) {
      liveCount++;
      const minutes = derived.fullResolution[i]!;
      if (minutes > 0 && minutes <= MAX_LIVE_HANDLE_MINUTES) handle.push(minutes);
    }
    const agent = table.assignee.codes[i]!;
    if (agent < 0) continue;
    const solved = table.solvedAt[i]!;
    const solvedDay = Number.isNaN(solved) ? Number.NaN : dayNumber(solved, tz);
    if (lastDay - dayNumber(created, tz) < ACTIVE_DAYS || lastDay - solvedDay < ACTIVE_DAYS) active.add(agent);
    if (derived.solved[i] === 1 && lastDay - solvedDay < THROUGHPUT_DAYS) {
      solvedRecent++;
      agentDays.add(`${agent}:${solvedDay}`);
    }
  }
  const useRecorded = recordedLive.length >= MIN_AHT_SAMPLES;
  const liveFromLifetime = handle.length >= MIN_AHT_SAMPLES ? percentile(handle, 50) : null;
  return {
    daily,
    tickets,
    liveShare: tickets > 0 ? liveCount / tickets : 0,
    // With no live history, live demand is assumed to follow the same hours as everything else.
    liveHours: normalise(liveCount > 0 ? live : Float64Array.from(other)),
    asyncHours: normalise(other),
    activeAgents: active.size,
    solvedPerAgentDay: agentDays.size > 0 ? solvedRecent / agentDays.size : null,
    agentDays: agentDays.size,
    liveHandleMinutes: useRecorded ? mean(recordedLive) : liveFromLifetime,
    liveHandleSamples: useRecorded ? recordedLive.length : handle.length,
    liveHandleFrom: useRecorded ? 'recorded' : liveFromLifetime !== null ? 'lifetime' : null,
    asyncHandleMinutes: recordedAsync.length >= MIN_AHT_SAMPLES ? mean(recordedAsync) : null,
    asyncHandleSamples: recordedAsync.length,
  };
}
