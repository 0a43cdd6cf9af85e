import { SpecError } from '../model/spec-error.js';
import { staffedHoursOfWeek } from '../model/weekly-hours.js';
import { parseHours } from '../queue/schedule.js';

/**
 * Staffed hours of the week (weekday × 24 + hour, Monday first) from `24/7`, `mon-fri 09-17`,
 * `Mon-Fri 09:00-17:00; Sat 10-14` and the like (src/model/weekly-hours.ts has the grammar).
 * A SpecError says why when the text is not hours (the weekly-hours parser's own reason, as
 * `simulate --hours` shows it), gives a headcount, or starts or ends off the hour.
 */
export function parseCoverage(text: string): boolean[] {
  const hours = parseHours(text);
  if (hours.kind === 'shifts' && hours.shifts.some((shift) => shift.agents !== undefined)) {
    throw new SpecError(`"${text}" gives a headcount (=n); the forecast sizes the team itself, so give the hours alone`);
  }
  const staffed = staffedHoursOfWeek(hours);
  if (staffed === undefined) throw new SpecError(`"${text}" starts or ends off the hour; the forecast plans whole hours`);
  return staffed;
}
