import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  dayNumberToKey,
  formatInstant,
  isDayKey,
  lastDayOfPeriod,
  parseCommonTimestampAt,
  utcMillis,
  parseTimestamp,
  wallClock,
  wallClockToEpoch,
  weekHourLabel,
  weekStartDayNumber,
  zoneOffsetMinutes,
} from '../../src/model/time.js';

const utc = (iso: string): number => Date.parse(iso);

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-05T14:03:11Z', 'UTC', '2024-03-05T14:03:11.000Z'],
    ['2024-03-05T14:03:11.123Z', 'UTC', '2024-03-05T14:03:11.123Z'],
    ['2024-03-05T14:03:11+01:00', 'UTC', '2024-03-05T13:03:11.000Z'],
    ['2024-03-05 14:03:11 +0100', 'UTC', '2024-03-05T13:03:11.000Z'],
    ['2024-03-05 14:03:11 -0530', 'UTC', '2024-03-05T19:33:11.000Z'],
    ['2024-03-05 14:03:11', 'UTC', '2024-03-05T14:03:11.000Z'],
    ['2024-03-05 14:03', 'UTC', '2024-03-05T14:03:00.000Z'],
    ['2024-03-05', 'UTC', '2024-03-05T00:00:00.000Z'],
    // Zendesk's CSV writes account-local times: read them in --tz.
    ['2024-03-05 14:03:11', 'Europe/Berlin', '2024-03-05T13:03:11.000Z'],
    ['2024-07-05 14:03:11', 'Europe/Berlin', '2024-07-05T12:03:11.000Z'],
    // An explicit offset wins over --tz.
    ['2024-03-05T14:03:11Z', 'Europe/Berlin', '2024-03-05T14:03:11.000Z'],
    // Excel re-saves, day first.
    ['05-03-2024 14:03', 'UTC', '2024-03-05T14:03:00.000Z'],
    ['05.03.2024 14:03', 'UTC', '2024-03-05T14:03:00.000Z'],
  ])('%s in %s is %s', (text, tz, expected) => {
    expect(new Date(parseTimestamp(text, tz)!).toISOString()).toBe(expected);
  });

  it.each(['', '  ', '-', '1900-01-01 00:00:00'])('%j is an empty date', (text) => {
    expect(parseTimestamp(text, 'UTC')).toBeUndefined();
  });

  it.each(['yesterday', '2024-13-01', '2024-02-40', '2024-03-05T25:00', '2024-03-05 14:03:11 Berlin', '12/31'])(
    '%j is unreadable (NaN)',
    (text) => {
      expect(parseTimestamp(text, 'UTC')).toBeNaN();
    },
  );
});

describe('time zones', () => {
  it('knows the New York DST change of 2024-03-10', () => {
    expect(zoneOffsetMinutes(utc('2024-03-10T06:00:00Z'), 'America/New_York')).toBe(-300);
    expect(zoneOffsetMinutes(utc('2024-03-10T08:00:00Z'), 'America/New_York')).toBe(-240);
    expect(new Date(wallClockToEpoch(2024, 3, 10, 12, 0, 0, 'America/New_York')).toISOString()).toBe('2024-03-10T16:00:00.000Z');
  });

  it('gives the wall clock, ISO weekday and day of an instant in a zone', () => {
    const instant = utc('2024-03-03T23:30:00Z'); // Sunday in UTC, Monday in Berlin
    expect(wallClock(instant, 'UTC')).toMatchObject({ weekday: 6, hour: 23 });
    expect(wallClock(instant, 'Europe/Berlin')).toMatchObject({ weekday: 0, hour: 0, day: 4 });
    expect(dayNumberToKey(dayNumber(instant, 'UTC'))).toBe('2024-03-03');
    expect(dayNumberToKey(dayNumber(instant, 'Europe/Berlin'))).toBe('2024-03-04');
    expect(dayNumber(instant, 'Europe/Berlin') - dayNumber(instant, 'UTC')).toBe(1);
  });

  it('finds the Monday of a week', () => {
    const sunday = dayNumber(utc('2024-03-10T12:00:00Z'), 'UTC');
    const monday = dayNumber(utc('2024-03-04T12:00:00Z'), 'UTC');
    expect(weekStartDayNumber(sunday)).toBe(monday);
    expect(weekStartDayNumber(monday)).toBe(monday);
  });

  it('formats instants with the zone offset', () => {
    expect(formatInstant(utc('2024-03-05T13:03:11Z'), 'UTC')).toBe('2024-03-05T13:03:11Z');
    expect(formatInstant(utc('2024-03-05T13:03:11Z'), 'Asia/Kolkata')).toBe('2024-03-05T18:33:11+05:30');
  });
});

describe('utcMillis', () => {
  it('equals Date.UTC across leap years, century years and roll-overs', () => {
    const cases: [number, number, number, number, number, number, number][] = [
      [1970, 1, 1, 0, 0, 0, 0],
      [1999, 12, 31, 23, 59, 59, 999],
      [2000, 2, 29, 12, 0, 0, 0],
      [2100, 2, 28, 24, 0, 0, 0],
      [2024, 4, 31, 10, 0, 60, 5],
      [1901, 1, 1, 0, 0, 0, 0],
      [2400, 3, 1, 6, 30, 0, 0],
    ];
    for (let year = 1960; year <= 2060; year += 7) for (let month = 1; month <= 12; month++) cases.push([year, month, (year + month) % 31 + 1, month, year % 60, 7, 0]);
    for (const [y, mo, d, h, mi, s, ms] of cases) expect(utcMillis(y, mo, d, h, mi, s, ms)).toBe(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  });
});

describe('isDayKey', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-28', true],
    ['1999-12-31', true],
    ['2024-02-30', false],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-3-1', false],
    ['2024-03-01T00:00', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isDayKey(text)).toBe(expected);
  });
});

describe('week hour and period labels', () => {
  it('names an hour slot of the week', () => {
    expect(weekHourLabel(0, 9)).toBe('Mon 09:00');
    expect(weekHourLabel(6, 23)).toBe('Sun 23:00');
  });

  it('takes the day before an exclusive period end, across a month and a year', () => {
    expect(lastDayOfPeriod('2024-03-18T00:00:00Z')).toBe('2024-03-17');
    expect(lastDayOfPeriod('2024-03-01T00:00:00+01:00')).toBe('2024-02-29');
    expect(lastDayOfPeriod('2025-01-01T00:00:00-05:00')).toBe('2024-12-31');
  });
});

describe('parseCommonTimestampAt', () => {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const stamp = fc
    .record({
      year: fc.integer({ min: 1890, max: 2100 }),
      month: fc.integer({ min: 0, max: 13 }),
      day: fc.integer({ min: 0, max: 32 }),
      hour: fc.integer({ min: 0, max: 25 }),
      minute: fc.integer({ min: 0, max: 60 }),
      second: fc.integer({ min: 0, max: 61 }),
      separator: fc.constantFrom(' ', 'T'),
      ending: fc.constantFrom('', 'Z', '+01:00', '.5'),
    })
    .map((t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.ending}`);

  it.each(['UTC', 'Europe/Berlin', 'America/New_York'])('gives what parseTimestamp gives, or leaves the cell to it (%s)', (tz) => {
    fc.assert(
      fc.property(stamp, fc.string({ maxLength: 3 }), (text, around) => {
        const inPlace = parseCommonTimestampAt(`${around}${text}${around}`, around.length, around.length + text.length, tz);
        if (!Number.isNaN(inPlace)) expect(inPlace).toBe(parseTimestamp(text, tz));
        // The usual shapes in range are all read in place.
        else expect(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\dZ?$/.test(text) && parseTimestamp(text, tz)! > 0).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves other characters where digits belong to the full parser', () => {
    expect(parseCommonTimestampAt('2024-0a-05 10:00:00', 0, 19, 'UTC')).toBeNaN();
    expect(parseCommonTimestampAt('2024/03/05 10:00:00', 0, 19, 'UTC')).toBeNaN();
  });
});
