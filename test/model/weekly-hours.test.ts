import { describe, expect, it } from 'vitest';
import { parseWeeklyHours, staffedHoursOfWeek, type WeeklyHours } from '../../src/model/weekly-hours.js';

const hours = (text: string): WeeklyHours => {
  const read = parseWeeklyHours(text);
  if ('problem' in read) throw new Error(read.problem);
  return read.hours;
};
const problem = (text: string): string => {
  const read = parseWeeklyHours(text);
  return 'problem' in read ? read.problem : '';
};
const staffedCount = (text: string): number | undefined => staffedHoursOfWeek(hours(text))?.filter(Boolean).length;

describe('weekly hours: one grammar for --hours and --coverage', () => {
  it.each(['Mon-Fri 09:00-17:00', 'mon-fri 09-17', 'MON-FRI 9-17:00', 'Mon,Tue,Wed,Thu,Fri 09-17', 'monday-friday 09:00-17'])(
    'reads %j as the 40-hour business week',
    (text) => {
      expect(hours(text)).toEqual({ kind: 'shifts', shifts: [{ weekdays: new Set([0, 1, 2, 3, 4]), fromMinute: 540, toMinute: 1020 }] });
      expect(staffedCount(text)).toBe(40);
    },
  );

  it.each(['24/7', '24x7', 'Always', ' 24/7 '])('reads %j as round the clock', (text) => {
    expect(hours(text)).toEqual({ kind: 'always' });
    expect(staffedCount(text)).toBe(168);
  });

  it('joins blocks with ";", keeps per-shift headcounts and wraps days and nights', () => {
    const read = hours('mon-fri 09-17=3; Sat 10:00-14:00 = 1; Fri-Mon 22-06');
    expect(read.kind === 'shifts' && read.shifts.map((s) => [[...s.weekdays], s.fromMinute, s.toMinute, s.agents])).toEqual([
      [[0, 1, 2, 3, 4], 540, 1020, 3],
      [[5], 600, 840, 1],
      [[4, 5, 6, 0], 1320, 360, undefined],
    ]);
    const grid = staffedHoursOfWeek(hours('sun 22:00-06:00'))!;
    // Sunday night runs into Monday morning of the same (repeating) week.
    expect([grid[6 * 24 + 22], grid[6 * 24 + 23], grid[0], grid[5], grid[6]]).toEqual([true, true, true, true, false]);
    expect(staffedCount('Sat 00-24')).toBe(24);
  });

  it('has no hourly grid for shifts that start or end off the hour', () => {
    expect(staffedHoursOfWeek(hours('Mon 09:30-17:00'))).toBeUndefined();
  });

  it.each([
    ['weekdays 9-5', /"weekdays 9-5" is not a shift like .*"weekdays" is not a weekday/],
    ['Mon-Fry 09-17', /"mon-fry" is not a weekday/],
    ['mon-fri 09:00-25:00', /"25:00" is not a time like 09:00/],
    ['mon-fri 09:60-17', /"09:60" is not a time/],
    ['mon-fri 09-09', /it ends when it starts/],
    ['mon-fri', /is not a shift like/],
    ['mon-fri 09-17; ', /"" is not a shift like/],
    ['mon 09-17=0', /staffs no one/],
  ])('rejects %j', (text, message) => {
    expect(problem(text)).toMatch(message);
  });
});
