import type { TicketTable } from '../model/table.js';
import { dayNumber } from '../model/time.js';

export interface DailyCounts {
  /** Day number (days since 1970-01-01 in the chosen zone) of counts[0]. */
  firstDay: number;
  /** Tickets created per calendar day in the zone, quiet days included as 0. */
  counts: number[];
}

/** Created tickets per calendar day of `tz`, from the first to the last day with a ticket. */
export function dailyCreated(table: TicketTable, tz: string): DailyCounts {
  const days: number[] = [];
  for (let row = 0; row < table.length; row++) {
    const created = table.createdAt[row]!;
    if (!Number.isNaN(created)) days.push(dayNumber(created, tz));
  }
  return countByDay(days);
}

/**
 * Tickets per day from their day numbers, from the first to the last day: for callers that
 * already hold the created days (derive's createdDay) and need not convert every time again.
 */
export function countByDay(days: readonly number[]): DailyCounts {
  if (days.length === 0) return { firstDay: 0, counts: [] };
  let first = days[0]!;
  let last = first;
  for (const day of days) {
    if (day < first) first = day;
    if (day > last) last = day;
  }
  const counts = new Array<number>(last - first + 1).fill(0);
  for (const day of days) counts[day - first]!++;
  return { firstDay: first, counts };
}
