import { HOURS_PER_WEEK, weekdayOfDayNumber } from '../model/time.js';
import type { Derived } from './derive.js';
import type { PeakHours } from './types.js';

const BUSIEST_SHOWN = 5;

/** Created tickets by weekday (Monday first) × hour of the day, in the zone the table was derived in. */
export function peakHoursOf(derived: Derived, rows: Int32Array, tz: string): PeakHours {
  const cells = new Int32Array(HOURS_PER_WEEK);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    cells[weekdayOfDayNumber(derived.createdDay[row]!) * 24 + Math.floor(derived.createdMinute[row]! / 60)]!++;
  }
  const counts = Array.from({ length: 7 }, (_, weekday) => Array.from(cells.subarray(weekday * 24, weekday * 24 + 24)));
  const busiest = [...cells.keys()]
    .filter((cell) => cells[cell]! > 0)
    .sort((a, b) => cells[b]! - cells[a]! || a - b)
    .slice(0, BUSIEST_SHOWN)
    .map((cell) => ({ weekday: Math.floor(cell / 24), hour: cell % 24, count: cells[cell]! }));
  return { tz, counts, busiest };
}
