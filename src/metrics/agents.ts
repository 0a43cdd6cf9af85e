import type { TicketTable } from '../model/table.js';
import { dayNumber } from '../model/time.js';
import type { Derived } from './derive.js';
import { collectSorted } from './collect.js';
import { bucket, bucketRows } from './grouping.js';
import { percentileSorted } from './percentile.js';
import type { AgentProductivity } from './types.js';

/** Medians of the two durations per agent, on the variant the export has. */
export interface AgentDurations {
  firstReply: Float64Array;
  fullResolution: Float64Array;
}

export interface AgentStats extends AgentProductivity {
  /** How many tickets each median rests on (anomalies ignore thin evidence). */
  firstReplyCount: number;
  fullResolutionCount: number;
}

/** Median of the finite `values` over `rows` (solved rows only when asked), with its count. */
function medianOf(values: Float64Array, rows: Int32Array, solved: Uint8Array | null, scratch: Float64Array): [number | null, number] {
  const sorted = collectSorted(values, rows, solved, scratch);
  return [percentileSorted(sorted, 50), sorted.length];
}

/** Number of distinct values among the first `n` of `days` (sorted in place). */
function distinctCount(days: Float64Array, n: number): number {
  const sorted = days.subarray(0, n).sort();
  let count = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/**
 * Per agent (the ticket's assignee): tickets solved, the days they solved on and solved per such
 * day, their team (the group most of their tickets are in) and median first reply and full
 * resolution of their tickets. Exports record no working hours, so a day with a solve is the
 * closest "day worked" they allow.
 */
export function agentStats(table: TicketTable, derived: Derived, rows: Int32Array, durations: AgentDurations, tz: string): AgentStats[] {
  const codes = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) codes[i] = table.assignee.codes[rows[i]!]! + 1;
  const buckets = bucketRows(rows, codes, table.assignee.values.length + 1);
  const scratch = new Float64Array(rows.length);
  const stats: AgentStats[] = [];
  for (let agent = 0; agent < table.assignee.values.length; agent++) {
    const own = bucket(buckets, agent + 1);
    if (own.length === 0) continue;
    let solved = 0;
    let dated = 0;
    const groupCounts = new Map<number, number>();
    for (let i = 0; i < own.length; i++) {
      const row = own[i]!;
      const group = table.group.codes[row]!;
      if (group >= 0) groupCounts.set(group, (groupCounts.get(group) ?? 0) + 1);
      if (derived.solved[row] !== 1) continue;
      solved++;
      const at = derived.solvedAt[row]!;
      if (!Number.isNaN(at)) scratch[dated++] = dayNumber(at, tz);
    }
    const activeDays = distinctCount(scratch, dated);
    let team: string | null = null;
    let most = 0;
    for (const [group, count] of groupCounts) {
      if (count > most) [team, most] = [table.group.values[group]!, count];
    }
    const [firstReplyMedian, firstReplyCount] = medianOf(durations.firstReply, own, null, scratch);
    const [fullResolutionMedian, fullResolutionCount] = medianOf(durations.fullResolution, own, derived.solved, scratch);
    stats.push({
      agent: table.assignee.values[agent]!,
      team,
      solved,
      activeDays,
      solvedPerActiveDay: activeDays > 0 ? solved / activeDays : null,
      firstReplyMedian,
      fullResolutionMedian,
      firstReplyCount,
      fullResolutionCount,
    });
  }
  return stats.sort((a, b) => b.solved - a.solved || (a.agent < b.agent ? -1 : 1));
}
