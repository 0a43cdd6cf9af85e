import { HOURS_PER_WEEK, WEEKDAY_KEYS } from './time.js';

/**
 * Staffed hours of a week, as `simulate --hours` and `forecast --coverage` both take them:
 * `24/7` (also `24x7`, `always`), or blocks joined by `;`, each days then times:
 * `Mon-Fri 09:00-17:00`, `mon-fri 09-17`, `Sat,Sun 10-14`, `Sun 22-06` (past midnight).
 * Days are names or ranges (wrapping like Fri-Mon), any case; times are HH or HH:MM, up to 24:00.
 * A block may carry its own headcount, `Mon-Fri 09-17=3`; overlapping blocks add up.
 */

/** One recurring shift: on the given ISO weekdays (0 = Monday), from `fromMinute` to `toMinute` (minutes of day). */
export interface Shift {
  readonly weekdays: ReadonlySet<number>;
  readonly fromMinute: number;
  /** End minute of day; at or before `fromMinute` means the shift ends the next day. */
  readonly toMinute: number;
  /** Headcount of this shift; undefined = the caller's default. */
  readonly agents?: number;
}

/** Round-the-clock staffing, or a list of weekly shifts (wall-clock times of some zone). */
export type WeeklyHours = { kind: 'always' } | { kind: 'shifts'; shifts: readonly Shift[] };

/** The hours, or why the text is not hours (one line, for the flag's error). */
export type WeeklyHoursResult = { hours: WeeklyHours } | { problem: string };

const DAY_MINUTES = 24 * 60;
const DAY_KEYS: readonly string[] = WEEKDAY_KEYS;
const BLOCK = /^([a-z][a-z,\- ]*?)\s+(\d{1,2}(?::\d{2})?)\s*-\s*(\d{1,2}(?::\d{2})?)\s*(?:=\s*(\d+))?$/;

function parseDays(text: string): Set<number> | string {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [first, last, extra] = part.split('-').map((d) => DAY_KEYS.indexOf(d.trim().slice(0, 3)));
    if (first === undefined || first < 0 || (last !== undefined && last < 0) || extra !== undefined) {
      return `"${part}" is not a weekday or a range like Mon-Fri`;
    }
    // Mon-Fri, or wrapping like Fri-Mon.
    for (let d = first; ; d = (d + 1) % 7) {
      days.add(d);
      if (last === undefined || d === last) break;
    }
  }
  return days;
}

/** Minute of day of `9`, `09` or `09:30`; NaN past 24:00 or with minutes over 59. */
function clockMinute(text: string): number {
  const [hours, minutes = '0'] = text.split(':');
  const minute = Number(hours) * 60 + Number(minutes);
  return Number(minutes) > 59 || minute > DAY_MINUTES ? Number.NaN : minute;
}

function parseBlock(block: string): Shift | string {
  const match = BLOCK.exec(block);
  const why = (reason: string): string => `"${block}" is not a shift like "Mon-Fri 09:00-17:00" (or 24/7)${reason}`;
  if (!match) return why('');
  const weekdays = parseDays(match[1]!.replace(/\s+/g, ''));
  if (typeof weekdays === 'string') return why(`: ${weekdays}`);
  const [fromMinute, toMinute] = [clockMinute(match[2]!), clockMinute(match[3]!)];
  for (const [text, minute] of [[match[2]!, fromMinute], [match[3]!, toMinute]] as const) {
    if (Number.isNaN(minute)) return why(`: "${text}" is not a time like 09:00`);
  }
  if (fromMinute === toMinute || fromMinute === DAY_MINUTES) return why(': it ends when it starts');
  const agents = match[4] === undefined ? undefined : Number(match[4]);
  if (agents === 0) return `"${block}" staffs no one; a shift's headcount (=n) must be at least 1`;
  return { weekdays, fromMinute, toMinute, ...(agents === undefined ? {} : { agents }) };
}

export function parseWeeklyHours(text: string): WeeklyHoursResult {
  const spec = text.trim().toLowerCase();
  if (spec === '24/7' || spec === '24x7' || spec === 'always') return { hours: { kind: 'always' } };
  const shifts: Shift[] = [];
  for (const block of spec.split(';')) {
    const shift = parseBlock(block.trim());
    if (typeof shift === 'string') return { problem: shift };
    shifts.push(shift);
  }
  return { hours: { kind: 'shifts', shifts } };
}

/**
 * Which hours of the week (weekday × 24 + hour, Monday first) are staffed; an overnight shift's
 * hours after midnight belong to the next day (Sunday night runs into Monday). Undefined when a
 * shift starts or ends off the hour, which an hourly grid cannot show.
 */
export function staffedHoursOfWeek(hours: WeeklyHours): boolean[] | undefined {
  const staffed = new Array<boolean>(HOURS_PER_WEEK).fill(hours.kind === 'always');
  if (hours.kind === 'always') return staffed;
  for (const { weekdays, fromMinute, toMinute } of hours.shifts) {
    if (fromMinute % 60 !== 0 || toMinute % 60 !== 0) return undefined;
    const length = (toMinute - fromMinute + DAY_MINUTES) % DAY_MINUTES || DAY_MINUTES;
    for (const day of weekdays) {
      const start = day * 24 + fromMinute / 60;
      for (let h = 0; h < length / 60; h++) staffed[(start + h) % staffed.length] = true;
    }
  }
  return staffed;
}
