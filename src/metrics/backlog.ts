import { dayNumberToKey } from '../model/time.js';
import { NO_DAY, type Derived } from './derive.js';
import type { DaySpan } from './grouping.js';
import type { Backlog } from './types.js';

export interface BacklogResult {
  backlog: Backlog;
  /** Solved tickets of the period without a solve time: counted as solved by its end, on no day. */
  undatedSolves: number;
}

/**
 * Created and solved per day over the period with the running count of open tickets. Unlike
 * the summary, which follows the tickets created in the period, a backlog counts every solve
 * that happened in it, also of older tickets, and starts from the tickets already open.
 */
export function backlogOf(derived: Derived, span: DaySpan | null): BacklogResult {
  if (span === null) {
    return { backlog: { openAtStart: 0, created: 0, solved: 0, net: 0, unsolvedAtEnd: 0, days: [] }, undatedSolves: 0 };
  }
  const length = span.last - span.first + 1;
  const created = new Int32Array(length);
  const solved = new Int32Array(length);
  let openAtStart = 0;
  let undatedSolves = 0;
  for (let row = 0; row < derived.solved.length; row++) {
    const createdDay = derived.createdDay[row]! - span.first;
    if (createdDay >= length) continue;
    if (createdDay >= 0) created[createdDay]!++;
    if (derived.solved[row] !== 1) {
      if (createdDay < 0) openAtStart++;
      continue;
    }
    if (derived.solvedDay[row] === NO_DAY) {
      // An older ticket solved at an unknown time is taken as solved before the period.
      if (createdDay >= 0) undatedSolves++;
      continue;
    }
    const solvedDay = derived.solvedDay[row]! - span.first;
    if (createdDay < 0 && solvedDay >= 0) openAtStart++;
    if (solvedDay >= 0 && solvedDay < length) solved[solvedDay]!++;
  }
  const days = [];
  let open = openAtStart;
  let solvedTotal = undatedSolves;
  let createdTotal = 0;
  for (let d = 0; d < length; d++) {
    open += created[d]! - solved[d]!;
    solvedTotal += solved[d]!;
    createdTotal += created[d]!;
    days.push({ date: dayNumberToKey(span.first + d), created: created[d]!, solved: solved[d]!, open });
  }
  return {
    backlog: {
      openAtStart,
      created: createdTotal,
      solved: solvedTotal,
      net: createdTotal - solvedTotal,
      unsolvedAtEnd: open - undatedSolves,
      days,
    },
    undatedSolves,
  };
}
