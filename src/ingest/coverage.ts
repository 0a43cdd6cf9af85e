import type { DictionaryColumn, NumberColumn, TicketTable } from '../model/table.js';
import { SatisfactionKind, valueRange } from '../model/table.js';
import { dayNumber, formatInstant } from '../model/time.js';

/** Share of tickets (0–1) that carry each canonical field. */
export type FieldCoverage = Record<string, number>;

const shareOf = (n: number, total: number): number => (total === 0 ? 0 : n / total);
const countNumbers = (column: NumberColumn): number => {
  let n = 0;
  for (let i = 0; i < column.length; i++) if (!Number.isNaN(column[i]!)) n++;
  return n;
};
const countCodes = (codes: ArrayLike<number>): number => {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) n++;
  return n;
};
const countDictionary = (column: DictionaryColumn): number => countCodes(column.codes);

export function fieldCoverage(table: TicketTable): FieldCoverage {
  const n = table.length;
  const numbers = [
    'createdAt',
    'firstReplyAt',
    'solvedAt',
    'updatedAt',
    'firstReplyMinutes',
    'firstResolutionMinutes',
    'fullResolutionMinutes',
    'firstReplyMinutesBusiness',
    'fullResolutionMinutesBusiness',
    'handleMinutes',
    'replies',
    'reopens',
  ] as const;
  const coverage: FieldCoverage = { id: n === 0 ? 0 : 1 };
  for (const field of numbers) coverage[field] = shareOf(countNumbers(table[field]), n);
  coverage.status = shareOf(countCodes(table.status), n);
  coverage.priority = shareOf(countCodes(table.priority), n);
  coverage.channel = shareOf(countCodes(table.channel), n);
  for (const field of ['assignee', 'group', 'requester', 'requesterContact', 'organization'] as const) {
    coverage[field] = shareOf(countDictionary(table[field]), n);
  }
  coverage.tags = shareOf(table.tags.reduce((k, t) => (t ? k + 1 : k), 0), n);
  coverage.satisfaction = shareOf(table.satisfactionKind.reduce((k, s) => (s === SatisfactionKind.None ? k : k + 1), 0), n);
  return coverage;
}

/** The first and last creation time in the export, and the calendar days they span in `tz`. */
export interface CreatedPeriod {
  from: string;
  to: string;
  days: number;
}

/** When the export's tickets were created; null when it has none. */
export function createdPeriod(table: TicketTable, tz: string): CreatedPeriod | null {
  if (table.length === 0) return null;
  const { min, max } = valueRange(table.createdAt);
  // Calendar days in the zone, as metrics counts them: 23:00 to 01:00 the next day is two days.
  return { from: formatInstant(min, tz), to: formatInstant(max, tz), days: dayNumber(max, tz) - dayNumber(min, tz) + 1 };
}
