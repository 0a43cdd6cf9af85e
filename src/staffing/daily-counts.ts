import type { TicketTable } from '../model/table.js';
import { dayNumber } from '../model/time.js';

export interface DailyCounts {
  /** Day number (days since 1970-01-01 in the chosen zone) of counts[0]. */
  firstDay: number;
  /** Tickets created per calendar day in the zone, quiet days included as 0. */
  counts: number[];
}

/** Created tickets per calendar day of `tz`, from the first to the last day with a ticket. */
export function dailyCreated(table: TicketTable, tz: string, rows?: ArrayLike<number>): DailyCounts {
  const days: number[] = [];
  const count = rows ? rows.length : table.length;
  for (let k = 0; k < count; k++) {
    const created = table.createdAt[rows ? rows[k]! : k]!;
    if (!Number.isNaN(created)) days.push(dayNumber(created, tz));
  }
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
