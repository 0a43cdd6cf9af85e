/**
 * Instants are epoch milliseconds (UTC). Wall-clock views (day, weekday, hour) are always
 * taken in an explicit IANA time zone; nothing here reads the process's TZ.
 */

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

export const MS = { minute: MINUTE, hour: HOUR, day: DAY } as const;

/** Hours in a week: the weekday × hour grids (Monday 00:00 first) have this many cells. */
export const HOURS_PER_WEEK = 7 * 24;

/** ISO weekday names, Monday first: index i is WallClock.weekday i. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
/** The same in lower case, as flags and the config file spell them. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** An hour slot of the week as the peak-hours views name it: weekday 0, hour 9 → "Mon 09:00". */
export const weekHourLabel = (weekday: number, hour: number): string => `${WEEKDAY_NAMES[weekday]} ${String(hour).padStart(2, '0')}:00`;

export function isValidTimeZone(tz: string): boolean {
  // The default zone needs no check: the first Intl formatter costs ~25 ms of loading zone data.
  if (tz === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const isUtc = (tz: string): boolean => tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT' || tz === 'Z';

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** Offset in minutes keyed by the quarter-hour bucket of the instant (offsets change on such boundaries). */
  offsets: Map<number, number>;
}
const zones = new Map<string, ZoneCache>();

function zoneCache(tz: string): ZoneCache {
  let cache = zones.get(tz);
  if (!cache) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      offsets: new Map(),
    };
    zones.set(tz, cache);
  }
  return cache;
}

/** Minutes to add to UTC to get the wall clock of `tz` at `epochMs`. */
export function zoneOffsetMinutes(epochMs: number, tz: string): number {
  if (isUtc(tz)) return 0;
  const cache = zoneCache(tz);
  const bucket = Math.floor(epochMs / (15 * MINUTE));
  const cached = cache.offsets.get(bucket);
  if (cached !== undefined) return cached;
  const probe = bucket * 15 * MINUTE;
  const parts: Record<string, number> = {};
  for (const part of cache.format.formatToParts(new Date(probe))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((wall - probe) / MINUTE);
  cache.offsets.set(bucket, offset);
  return offset;
}

/** Days in the months of a common year before month 1–12 (index 0 unused). */
const DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/** Leap days in the years 1 to 1969. */
const LEAP_DAYS_BEFORE_1970 = 477;

/**
 * Date.UTC for years after 1900 (month 1–12), by integer arithmetic: Date.UTC, and then a
 * floor-division civil-day formula, stood out in profiles of reading millions of timestamps. Like
 * Date.UTC, a day, hour or second past the end of its unit rolls over into the next.
 */
export function utcMillis(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  const before = year - 1;
  const leapDays = ((before / 4) | 0) - ((before / 100) | 0) + ((before / 400) | 0) - LEAP_DAYS_BEFORE_1970;
  const leapDay = month > 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  const days = 365 * (year - 1970) + leapDays + DAYS_BEFORE_MONTH[month]! + leapDay + day - 1;
  return (((days * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millis;
}

/** The instant at which the wall clock of `tz` shows the given fields. */
export function wallClockToEpoch(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  tz: string,
): number {
  const wall = utcMillis(year, month, day, hour, minute, second, 0);
  if (isUtc(tz)) return wall;
  const first = wall - zoneOffsetMinutes(wall, tz) * MINUTE;
  // A second pass settles instants near a DST change, where the first guess used the other offset.
  return wall - zoneOffsetMinutes(first, tz) * MINUTE;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday … 6 = Sunday (ISO order, as support weeks are read). */
  weekday: number;
}

/** The wall clock of `tz` at `epochMs`. */
export function wallClock(epochMs: number, tz: string): WallClock {
  const shifted = new Date(epochMs + zoneOffsetMinutes(epochMs, tz) * MINUTE);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: (shifted.getUTCDay() + 6) % 7,
  };
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 of the calendar day of an instant in `tz` (a compact day key). */
export function dayNumber(epochMs: number, tz: string): number {
  return Math.floor((epochMs + zoneOffsetMinutes(epochMs, tz) * MINUTE) / DAY);
}

/** `YYYY-MM-DD` for a day number from dayNumber. */
export function dayNumberToKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** The last day, `YYYY-MM-DD`, of a period whose end (an ISO instant in the period's zone) is exclusive: the day before it. */
export const lastDayOfPeriod = (exclusiveEnd: string): string => dayNumberToKey(keyToDayNumber(exclusiveEnd.slice(0, 10)) - 1);

/** Day number of `YYYY-MM-DD`. */
export function keyToDayNumber(key: string): number {
  return Math.floor(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10))) / DAY);
}

/** Whether `text` is a `YYYY-MM-DD` day that exists (keyToDayNumber rolls 2024-02-31 over to March). */
export function isDayKey(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && dayNumberToKey(keyToDayNumber(text)) === text;
}

/** Day number of the Monday starting the ISO week that holds `day`. */
export function weekStartDayNumber(day: number): number {
  // 1970-01-01 was a Thursday (ISO weekday index 3).
  return day - ((day + 3) % 7);
}

/** ISO weekday index (0 = Monday) of a day number. */
export function weekdayOfDayNumber(day: number): number {
  return (day + 3) % 7;
}

/** The instant (epoch ms) a day number starts at in `tz`. */
export function startOfDayNumber(day: number, tz: string): number {
  const date = new Date(day * DAY);
  return wallClockToEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 0, 0, 0, tz);
}

/** Format an instant as ISO 8601 with the offset of `tz` (`Z` for UTC). */
export function formatInstant(epochMs: number, tz: string): string {
  const offset = zoneOffsetMinutes(epochMs, tz);
  const shifted = new Date(epochMs + offset * MINUTE).toISOString().slice(0, 19);
  if (offset === 0) return `${shifted}Z`;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${shifted}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};
const num = (s: string, from: number, length: number): number => {
  let value = 0;
  for (let i = from; i < from + length; i++) value = value * 10 + digit(s, i);
  return value;
};

/**
 * Parses the timestamp shapes helpdesk exports use, without Date.parse (slow and
 * implementation-defined for non-ISO strings):
 *   2024-03-05T14:03:11Z, 2024-03-05T14:03:11.123+01:00, 2024-03-05 14:03:11 +0100,
 *   2024-03-05 14:03, 2024-03-05, 05-03-2024 14:03 and 05.03.2024 14:03 (day first, Excel re-saves).
 * A timestamp without an offset is read as wall-clock time in `tz`.
 * Returns undefined for an empty cell (and Excel's 1900-01-01 "no date"), NaN when unreadable.
 */
export function parseTimestamp(text: string, tz: string): number | undefined {
  const s = text.trim();
  if (s === '' || s === '-') return undefined;
  let year: number;
  let month: number;
  let day: number;
  let i: number;
  const sep = s.charCodeAt(4);
  if (sep === 45 /* - */ && s.length >= 10 && s.charCodeAt(7) === 45) {
    year = num(s, 0, 4);
    month = num(s, 5, 2);
    day = num(s, 8, 2);
    i = 10;
  } else if ((s.charCodeAt(2) === 45 || s.charCodeAt(2) === 46) && s.length >= 10 && s.charCodeAt(5) === s.charCodeAt(2)) {
    day = num(s, 0, 2);
    month = num(s, 3, 2);
    year = num(s, 6, 4);
    i = 10;
  } else {
    return Number.NaN;
  }
  if (Number.isNaN(year + month + day) || month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  if (year <= 1900) return undefined;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  if (i < s.length && (s[i] === 'T' || s[i] === ' ')) {
    i++;
    hour = num(s, i, 2);
    if (s[i + 2] !== ':') return Number.NaN;
    minute = num(s, i + 3, 2);
    i += 5;
    if (s[i] === ':') {
      second = num(s, i + 1, 2);
      i += 3;
      if (s[i] === '.' || s[i] === ',') {
        let scale = 100;
        i++;
        while (i < s.length && !Number.isNaN(digit(s, i))) {
          millis += digit(s, i) * scale;
          scale /= 10;
          i++;
        }
        millis = Math.round(millis);
      }
    }
    if (Number.isNaN(hour + minute + second) || hour > 24 || minute > 59 || second > 60) return Number.NaN;
  }
  while (s[i] === ' ') i++;
  if (i >= s.length) return wallClockToEpoch(year, month, day, hour, minute, second, tz) + millis;
  const rest = s.slice(i);
  if (rest === 'Z' || rest === 'UTC' || rest === 'GMT') return utcMillis(year, month, day, hour, minute, second, millis);
  const sign = rest[0] === '+' ? 1 : rest[0] === '-' ? -1 : 0;
  if (sign === 0) return Number.NaN;
  const body = rest.slice(1).replace(':', '');
  if (!/^\d{2}(\d{2})?$/.test(body)) return Number.NaN;
  const offset = sign * (num(body, 0, 2) * 60 + (body.length === 4 ? num(body, 2, 2) : 0));
  return utcMillis(year, month, day, hour, minute, second, millis) - offset * MINUTE;
}

/** The UTC day of the last timestamp read in place: exports list tickets in time order, so most share it. */
const lastDay = { key: -1, start: 0 };

/** The two digits at `i` as a number; -1000 when either is not a digit, which fails every range check. */
function twoDigits(text: string, i: number): number {
  const tens = text.charCodeAt(i) - 48;
  const ones = text.charCodeAt(i + 1) - 48;
  return tens >>> 0 <= 9 && ones >>> 0 <= 9 ? tens * 10 + ones : -1000;
}

/**
 * The shape most exports write, `YYYY-MM-DD HH:MM:SS` (or with `T`, optionally ending in `Z`),
 * read in place from text[from, to) without cutting a string: the same instant parseTimestamp
 * gives. NaN for any other shape or an out-of-range field, which parseTimestamp then reads or
 * rejects with its message.
 */
export function parseCommonTimestampAt(text: string, from: number, to: number, tz: string): number {
  const length = to - from;
  const utc = length === 20 && text.charCodeAt(to - 1) === 90; /* Z */
  if (length !== 19 && !utc) return Number.NaN;
  const separator = text.charCodeAt(from + 10);
  if (
    text.charCodeAt(from + 4) !== 45 ||
    text.charCodeAt(from + 7) !== 45 ||
    (separator !== 32 && separator !== 84) /* space or T */ ||
    text.charCodeAt(from + 13) !== 58 ||
    text.charCodeAt(from + 16) !== 58
  ) {
    return Number.NaN;
  }
  const year = twoDigits(text, from) * 100 + twoDigits(text, from + 2);
  const month = twoDigits(text, from + 5);
  const day = twoDigits(text, from + 8);
  const hour = twoDigits(text, from + 11);
  const minute = twoDigits(text, from + 14);
  const second = twoDigits(text, from + 17);
  if (!(year > 1900 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60)) {
    return Number.NaN;
  }
  if (!utc && !isUtc(tz)) return wallClockToEpoch(year, month, day, hour, minute, second, tz);
  const dayKey = (year * 100 + month) * 100 + day;
  if (dayKey !== lastDay.key) {
    lastDay.key = dayKey;
    lastDay.start = utcMillis(year, month, day, 0, 0, 0, 0);
  }
  return lastDay.start + ((hour * 60 + minute) * 60 + second) * 1000;
}
