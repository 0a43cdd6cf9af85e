import { HOURS_PER_WEEK } from './export-profile.js';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Staffed hours of the week (weekday × 24 + hour, Monday first) from `24/7` or
 * `mon-fri 09-17` (hours from 09:00 up to 17:00; `22-06` wraps past midnight).
 * Undefined when the text is not one of these shapes.
 */
export function parseCoverage(text: string): boolean[] | undefined {
  const spec = text.trim().toLowerCase();
  if (spec === '24/7' || spec === '24x7') return new Array<boolean>(HOURS_PER_WEEK).fill(true);
  const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\d{1,2})(?::00)?-(\d{1,2})(?::00)?$/.exec(spec);
  if (!match) return undefined;
  const first = WEEKDAYS.indexOf(match[1]!);
  const last = WEEKDAYS.indexOf(match[2] ?? match[1]!);
  const open = Number(match[3]);
  const close = Number(match[4]);
  if (first < 0 || last < 0 || open > 23 || close > 24 || open === close) return undefined;
  const hours = new Array<boolean>(HOURS_PER_WEEK).fill(false);
  for (let d = first; ; d = (d + 1) % 7) {
    for (let h = open; h !== close; h = (h + 1) % 24) {
      // An overnight shift's hours after midnight belong to the next calendar day.
      const day = h < open ? (d + 1) % 7 : d;
      hours[day * 24 + h] = true;
      if (h === 23 && close === 24) break;
    }
    if (d === last) break;
  }
  return hours;
}
