import { SpecError } from '../model/spec-error.js';
import { wallClock, wallClockToEpoch } from '../model/time.js';
import { parseWeeklyHours, type WeeklyHours } from '../model/weekly-hours.js';
import type { StaffingChange } from './engine.js';

/**
 * `--hours`: `24/7`, or shifts separated by `;` such as `Mon-Fri 09:00-17:00=3; Sat 10-14=1`
 * (the grammar `forecast --coverage` shares, src/model/weekly-hours.ts). Overlapping shifts add up.
 */
export function parseHours(text: string): WeeklyHours {
  const read = parseWeeklyHours(text);
  if ('problem' in read) throw new SpecError(read.problem);
  return read.hours;
}

/**
 * Headcount changes covering [from, to] (epoch seconds): shift starts and ends laid on the
 * wall clock of `tz`, so a 09:00 shift starts at 09:00 local time on both sides of a DST change.
 */
export function staffingFor(hours: WeeklyHours, defaultAgents: number, from: number, to: number, tz: string): StaffingChange[] {
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
