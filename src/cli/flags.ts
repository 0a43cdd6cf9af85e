import { z } from 'zod';
import { dayBounds } from '../metrics/period.js';
import { parseDurationMinutes } from '../model/duration.js';
import { isDayKey } from '../model/time.js';
import { UsageError } from '../errors.js';
import { durationWithUnit, fraction } from './flag-values.js';

/**
 * Flag readers every command shares, so a bad value reads the same whichever command it was
 * given to: one line, naming the flag, showing the value.
 */

export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

/** Commander's collector for repeatable flags (`--rule a --rule b`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Validates raw flag values; the first problem becomes a one-line usage error naming its flag. */
export function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = issue.path[0];
  throw new UsageError(flag === undefined ? issue.message : `--${kebab(String(flag))}: ${issue.message}`);
}

/** A zod string flag read by `read`, kept only when `valid` holds for the result. */
export const flagValue = <V>(read: (text: string) => V, valid: (value: V) => boolean, message: string) =>
  z.string().transform((text, ctx) => {
    const value = read(text);
    if (valid(value)) return value;
    ctx.addIssue({ code: 'custom', message: `"${text}" ${message}` });
    return z.NEVER;
  });

/** What a duration looks like, in every message about one. */
export const DURATION_EXAMPLES = 'like 90s, 30m, 4h or 2d';

/** The one wording of a bad duration, after the value in quotes. */
export const durationProblem = (positive = true): string => `is not a ${positive ? 'positive ' : ''}duration ${DURATION_EXAMPLES}`;

/** A bad duration on `flag`, worded as every other duration flag words it. */
export const durationError = (flag: string, text: string, positive = true): UsageError =>
  new UsageError(`${flag}: "${text}" ${durationProblem(positive)}`);

/** A positive duration in minutes (a bare number is minutes), else undefined. */
export function readPositiveMinutes(text: string): number | undefined {
  const minutes = parseDurationMinutes(text);
  return minutes > 0 ? minutes : undefined;
}

/** A positive duration flag in minutes (a bare number is minutes), or a usage error naming `flag`. */
export function flagMinutes(text: string, flag: string): number {
  const minutes = readPositiveMinutes(text);
  if (minutes === undefined) throw durationError(flag, text);
  return minutes;
}

/** A duration with a unit, in seconds, above zero. */
export const positiveDuration = flagValue(durationWithUnit, (s) => s > 0, durationProblem());
/** A duration with a unit, in seconds, zero allowed. */
export const duration = flagValue(durationWithUnit, (s) => s >= 0, durationProblem(false));

export const share = (upTo: 'below one' | 'up to one') =>
  flagValue(fraction, (p) => p >= 0 && (upTo === 'below one' ? p < 1 : p > 0 && p <= 1), `must be a share ${upTo} (0.85 or 85%)`);

/** A whole number in [min, max], else undefined. Digits only: `1e3`, `0x10` and `2.0` are not typed counts. */
export function readWholeNumber(text: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  return n >= min && n <= max ? n : undefined;
}

const wholeNumberProblem = (min: number, max: number): string =>
  max === Number.MAX_SAFE_INTEGER ? `must be a whole number of at least ${min}` : `must be a whole number from ${min} to ${max}`;

/** A whole-number flag in [min, max], as a zod schema for parseFlags. */
export const wholeNumberFlag = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  flagValue((text) => readWholeNumber(text, min, max), (n) => n !== undefined, wholeNumberProblem(min, max)).transform((n) => n!);

/** A whole number in [min, max] from `text`, or a usage error naming `flag`. */
export function wholeNumber(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = readWholeNumber(text, min, max);
  if (n === undefined) throw new UsageError(`${flag}: "${text}" ${wholeNumberProblem(min, max)}`);
  return n;
}

const DAY_PROBLEM = 'is not a day as YYYY-MM-DD';

/** A `YYYY-MM-DD` flag naming a day that exists. */
export const dayFlag = flagValue((text) => text, isDayKey, DAY_PROBLEM);

/**
 * --from/--to (both days inclusive, in `tz`) as the instants bounding the period: from the start
 * of --from to the start of the day after --to.
 */
export function periodBounds(from: string | undefined, to: string | undefined, tz: string): { from?: number; to?: number } {
  for (const [flag, text] of [['--from', from], ['--to', to]] as const) {
    if (text !== undefined && !isDayKey(text)) throw new UsageError(`${flag}: "${text}" ${DAY_PROBLEM}`);
  }
  const bounds = dayBounds(from, to, tz);
  if (bounds.from !== undefined && bounds.to !== undefined && bounds.to <= bounds.from) {
    throw new UsageError('--to: must not be before --from');
  }
  return bounds;
}
