import type { TicketTable } from '../model/table.js';
import { dayNumber, formatInstant, keyToDayNumber, startOfDayNumber } from '../model/time.js';
import type { Derived } from './derive.js';
import type { DaySpan } from './grouping.js';
import type { Period } from './types.js';

/** Rows created in [from, to) (either bound optional), in table order. */
export function selectRows(table: TicketTable, from?: number, to?: number): Int32Array {
  const lower = from ?? -Infinity;
  const upper = to ?? Infinity;
  const rows = new Int32Array(table.length);
  let n = 0;
  for (let row = 0; row < table.length; row++) {
    const created = table.createdAt[row]!;
    if (created >= lower && created < upper) rows[n++] = row;
  }
  return rows.subarray(0, n);
}

/**
 * The period the metrics cover: the --from/--to bounds when given, else the whole days from the
 * first to the last created ticket. `span` is null when there is nothing to cover.
 */
export function periodOf(
  derived: Derived,
  rows: Int32Array,
  tz: string,
  from?: number,
  to?: number,
): { period: Period; span: DaySpan | null } {
  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const day = derived.createdDay[rows[i]!]!;
    if (day < firstDay) firstDay = day;
    if (day > lastDay) lastDay = day;
  }
  const start = from ?? (rows.length > 0 ? startOfDayNumber(firstDay, tz) : undefined);
  const end = to ?? (rows.length > 0 ? startOfDayNumber(lastDay + 1, tz) : undefined);
  if (start === undefined || end === undefined || end <= start) {
    return { period: { from: start === undefined ? null : formatInstant(start, tz), to: end === undefined ? null : formatInstant(end, tz), days: 0, tz }, span: null };
  }
  const span = { first: dayNumber(start, tz), last: dayNumber(end - 1, tz) };
  return {
    period: { from: formatInstant(start, tz), to: formatInstant(end, tz), days: span.last - span.first + 1, tz },
    span,
  };
}

/**
 * --from/--to days (YYYY-MM-DD, both inclusive) as the instants bounding the period in `tz`:
 * from the start of the first day to the start of the day after the last.
 */
export function dayBounds(fromDay: string | undefined, toDay: string | undefined, tz: string): { from?: number; to?: number } {
  return {
    ...(fromDay !== undefined ? { from: startOfDayNumber(keyToDayNumber(fromDay), tz) } : {}),
    ...(toDay !== undefined ? { to: startOfDayNumber(keyToDayNumber(toDay) + 1, tz) } : {}),
  };
}
