import type { NumberColumn, TicketTable } from '../model/table.js';
import { NO_DAY, type Derived } from './derive.js';
import { groupBy, scatter } from './grouping.js';
import { groupMedians } from './group-medians.js';
import type { AgentProductivity } from './types.js';

/** The duration variant per ticket the agent figures use (calendar when the export has it). */
export interface AgentDurations {
  firstReply: NumberColumn;
  fullResolution: NumberColumn;
}

export interface AgentStats extends AgentProductivity {
  /** How many tickets each median rests on (anomalies ignore thin evidence). */
  firstReplyCount: number;
  fullResolutionCount: number;
}

/** Range of the known solve days, so a per-day stamp array can count distinct days per agent. */
function solveDayRange(solvedDay: Int32Array): { first: number; length: number } {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < solvedDay.length; i++) {
    const day = solvedDay[i]!;
    if (day === NO_DAY) continue;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return first > last ? { first: 0, length: 0 } : { first, length: last - first + 1 };
}

/**
 * Per agent (the ticket's assignee): tickets solved, the days they solved on and solved per such
 * day, their team (the group most of their tickets are in) and median first reply and full
 * resolution of their tickets. Exports record no working hours, so a day with a solve is the
 * closest "day worked" they allow.
 */
export function agentStats(
  table: TicketTable,
  derived: Derived,
  rows: Int32Array,
  durations: AgentDurations,
  scratch: Float64Array = new Float64Array(rows.length),
): AgentStats[] {
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = table.assignee.codes[rows[i]!]! + 1;
  const grouping = groupBy(rows, codes, table.assignee.values.length + 1);
  const solvedOf = scatter(derived.solved, grouping);
  const solvedDay = scatter(derived.solvedDay, grouping);
  const groupOf = scatter(table.group.codes, grouping);
  // One after the other through the same buffer: the duration columns are the largest to reorder.
  const firstReply = groupMedians(durations.firstReply, grouping, null, scratch);
  const fullResolution = groupMedians(durations.fullResolution, grouping, solvedOf, scratch);
  const days = solveDayRange(solvedDay);
  // dayStamp[d] = the last agent seen solving on day d: a day counts once per agent.
  const dayStamp = new Int32Array(days.length).fill(-1);
  const groupCounts = new Int32Array(table.group.values.length);
  const stats: AgentStats[] = [];
  for (let agent = 0; agent < table.assignee.values.length; agent++) {
    const start = grouping.starts[agent + 1]!;
    const end = grouping.starts[agent + 2]!;
    if (start === end) continue;
    let solved = 0;
    let activeDays = 0;
    const groupsSeen: number[] = [];
    for (let i = start; i < end; i++) {
      const group = groupOf[i]!;
      if (group >= 0 && groupCounts[group]!++ === 0) groupsSeen.push(group);
      if (solvedOf[i] !== 1) continue;
      solved++;
      const day = solvedDay[i]!;
      if (day !== NO_DAY && dayStamp[day - days.first] !== agent) {
        dayStamp[day - days.first] = agent;
        activeDays++;
      }
    }
    let team: string | null = null;
    let most = 0;
    for (const group of groupsSeen) {
      if (groupCounts[group]! > most) [team, most] = [table.group.values[group]!, groupCounts[group]!];
      groupCounts[group] = 0;
    }
    stats.push({
      agent: table.assignee.values[agent]!,
      team,
      solved,
      activeDays,
      solvedPerActiveDay: activeDays > 0 ? solved / activeDays : null,
      firstReplyMedian: firstReply.medians[agent + 1] ?? null,
      fullResolutionMedian: fullResolution.medians[agent + 1] ?? null,
      firstReplyCount: firstReply.counts[agent + 1]!,
      fullResolutionCount: fullResolution.counts[agent + 1]!,
    });
  }
  return stats.sort((a, b) => b.solved - a.solved || (a.agent < b.agent ? -1 : 1));
}
