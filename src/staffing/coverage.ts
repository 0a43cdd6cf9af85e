import { parseWeeklyHours, staffedHoursOfWeek } from '../model/weekly-hours.js';

/**
 * Staffed hours of the week (weekday × 24 + hour, Monday first) from `24/7`, `mon-fri 09-17`,
 * `Mon-Fri 09:00-17:00; Sat 10-14` and the like (src/model/weekly-hours.ts has the grammar).
 * Undefined when the text is not hours, gives a headcount (`=n`: the forecast sizes the team
 * itself), or starts or ends off the hour.
 */
export function parseCoverage(text: string): boolean[] | undefined {
  const read = parseWeeklyHours(text);
  if ('problem' in read) return undefined;
  if (read.hours.kind === 'shifts' && read.hours.shifts.some((shift) => shift.agents !== undefined)) return undefined;
  return staffedHoursOfWeek(read.hours);
}
