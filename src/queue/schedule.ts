import { wallClock, wallClockToEpoch } from '../model/time.js';
import { SpecError } from './distributions.js';
import type { StaffingChange } from './engine.js';

/** One recurring shift: on the given ISO weekdays (0 = Monday), from `from` to `to` (minutes of day). */
export interface Shift {
  readonly weekdays: ReadonlySet<number>;
  readonly fromMinute: number;
  /** End minute of day; at or before `fromMinute` means the shift ends the next day. */
  readonly toMinute: number;
  /** Headcount of this shift; undefined = the --agents value. */
  readonly agents?: number;
}

/** Round-the-clock staffing, or a list of weekly shifts in a time zone. */
export type Hours = { kind: 'always' } | { kind: 'shifts'; shifts: readonly Shift[] };

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function parseDays(text: string): Set<number> {
  const days = new Set<number>();
  for (const part of text.toLowerCase().split(',')) {
    const [first, last] = part.split('-').map((d) => DAY_NAMES.indexOf(d.trim().slice(0, 3)));
    if (first === undefined || first < 0 || (last !== undefined && last < 0)) {
      throw new SpecError(`"${part}" is not a weekday or a range like Mon-Fri`);
    }
    // Mon-Fri, or wrapping like Fri-Mon.
    for (let d = first; ; d = (d + 1) % 7) {
      days.add(d);
      if (last === undefined || d === last) break;
    }
  }
  return days;
}

function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new SpecError(`"${text}" is not a time like 09:00`);
  return minutes;
}

/**
 * `24/7`, or shifts separated by `;`: `Mon-Fri 09:00-17:00`, each optionally with its own
 * headcount `Mon-Fri 09:00-17:00=3; Sat 10:00-14:00=1`. Overlapping shifts add up.
 */
export function parseHours(text: string): Hours {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '24/7' || trimmed === 'always') return { kind: 'always' };
  const shifts = trimmed.split(';').map((part): Shift => {
    const match = /^([a-z,\- ]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*(?:=\s*(\d+))?$/.exec(part.trim());
    if (!match) throw new SpecError(`"${part.trim()}" is not a shift like "Mon-Fri 09:00-17:00" (or 24/7)`);
    const fromMinute = parseClock(match[2]!);
    const toMinute = parseClock(match[3]!);
    const agents = match[4] === undefined ? undefined : Number(match[4]);
    if (agents === 0) throw new SpecError(`"${part.trim()}" staffs no one; a shift's headcount (=n) must be at least 1`);
    return { weekdays: parseDays(match[1]!.replace(/\s+/g, '')), fromMinute, toMinute, ...(agents === undefined ? {} : { agents }) };
  });
  return { kind: 'shifts', shifts };
}

/**
 * Headcount changes covering [from, to] (epoch seconds): shift starts and ends laid on the
 * wall clock of `tz`, so a 09:00 shift starts at 09:00 local time on both sides of a DST change.
 */
export function staffingFor(hours: Hours, defaultAgents: number, from: number, to: number, tz: string): StaffingChange[] {
  if (hours.kind === 'always') return [{ at: from, agents: defaultAgents }];
  const deltas = new Map<number, number>();
  const add = (at: number, delta: number): void => void deltas.set(at, (deltas.get(at) ?? 0) + delta);
  const first = wallClock((from - 86_400) * 1000, tz);
  for (let day = 0; ; day++) {
    const date = new Date(Date.UTC(first.year, first.month - 1, first.day + day));
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const midnight = wallClockToEpoch(y, m, d, 0, 0, 0, tz) / 1000;
    if (midnight > to) break;
    const weekday = (date.getUTCDay() + 6) % 7;
    for (const shift of hours.shifts) {
      if (!shift.weekdays.has(weekday)) continue;
      const agents = shift.agents ?? defaultAgents;
      const endDay = shift.toMinute <= shift.fromMinute ? d + 1 : d;
      const start = wallClockToEpoch(y, m, d, 0, shift.fromMinute, 0, tz) / 1000;
      const end = wallClockToEpoch(y, m, endDay, 0, shift.toMinute, 0, tz) / 1000;
      add(start, agents);
      add(end, -agents);
    }
  }
  const changes: StaffingChange[] = [];
  let headcount = 0;
  for (const at of [...deltas.keys()].sort((a, b) => a - b)) {
    headcount += deltas.get(at)!;
    if (changes.length > 0 && changes[changes.length - 1]!.agents === headcount) continue;
    changes.push({ at, agents: headcount });
  }
  return changes;
}
