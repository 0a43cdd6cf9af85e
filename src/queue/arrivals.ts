import { UNIT_SECONDS } from '../model/duration.js';
import { SpecError } from '../model/spec-error.js';
import type { TicketTable } from '../model/table.js';
import { HOURS_PER_WEEK, wallClock } from '../model/time.js';
import { CLASS, CLASSES, classOf } from './classes.js';
import { exponential, type Uniform } from './random.js';

/** Arrival instants (whole epoch seconds, ascending) and classes, before handling times are attached. */
export interface Arrivals {
  readonly arrival: Float64Array;
  readonly cls: Uint8Array;
}

/**
 * The export's own tickets in creation order, with class from priority and tags. Tickets
 * without a creation time cannot be placed and are left out.
 */
export function replayArrivals(table: TicketTable, widespreadTags: readonly string[]): Arrivals {
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (Number.isFinite(table.createdAt[i]!)) rows.push(i);
  // Stable: equal creation seconds keep the export's row order.
  const second = (row: number): number => Math.floor(table.createdAt[row]! / 1000);
  rows.sort((a, b) => second(a) - second(b) || a - b);
  const tags = widespreadTags.map((t) => t.toLowerCase());
  return {
    arrival: Float64Array.from(rows, second),
    cls: Uint8Array.from(rows, (row) => classOf(table.priority[row]!, table.tags[row], tags)),
  };
}

/** Share of each class (CLASSES order) among the export's tickets. */
export function classMix(arrivals: Arrivals): Float64Array {
  const mix = new Float64Array(CLASSES.length);
  for (const c of arrivals.cls) mix[c]!++;
  const total = arrivals.cls.length;
  if (total === 0) mix[CLASS.normal] = 1;
  else for (let c = 0; c < mix.length; c++) mix[c]! /= total;
  return mix;
}

/** 7 × 24 rate multipliers (ISO weekday × hour in `tz`) with mean 1. */
export type WeekProfile = Float64Array;

/**
 * How much busier each weekday-hour is than the average, from the export's creation times.
 * Buckets are plain counts over the export, so exports of whole weeks weigh every hour equally.
 */
export function learnProfile(arrivals: Arrivals, tz: string): WeekProfile {
  const counts = new Float64Array(HOURS_PER_WEEK);
  for (const at of arrivals.arrival) {
    const clock = wallClock(at * 1000, tz);
    counts[clock.weekday * 24 + clock.hour]!++;
  }
  const mean = arrivals.arrival.length / counts.length;
  if (mean === 0) return counts.fill(1);
  for (let i = 0; i < counts.length; i++) counts[i]! /= mean;
  return counts;
}

const POISSON_RATE = /^poisson:(\d+(?:\.\d+)?)\/(s|m|h|d)$/i;

/** `poisson:40/h` (per s, m, h or d) as arrivals per second. */
export function parsePoissonRate(text: string): number {
  const match = POISSON_RATE.exec(text.trim());
  const rate = match ? Number(match[1]) / UNIT_SECONDS[match[2]!.toLowerCase()]! : Number.NaN;
  if (!(rate > 0)) throw new SpecError(`"${text}" is not a rate like poisson:40/h (units s, m, h, d)`);
  return rate;
}

export interface PoissonSpec {
  /** Mean arrivals per second. */
  readonly ratePerSecond: number;
  /** Window of arrivals, epoch seconds. */
  readonly from: number;
  readonly to: number;
  /** Weekday × hour multipliers and the zone they are read in; a constant rate without one. */
  readonly profile?: { readonly weights: WeekProfile; readonly tz: string };
  /** Class shares (CLASSES order); all normal without one. */
  readonly mix?: Float64Array;
}

/**
 * Poisson arrivals, piecewise constant by the hour when a profile is given (memorylessness
 * lets each hour restart its own exponential gaps). Instants are rounded to whole seconds.
 */
export function poissonArrivals(spec: PoissonSpec, u: Uniform): Arrivals {
  const times: number[] = [];
  const classes: number[] = [];
  const mix = spec.mix;
  const pickClass = (): number => {
    if (!mix) return CLASS.normal;
    let x = u();
    for (let c = 0; c < mix.length; c++) {
      x -= mix[c]!;
      if (x < 0) return c;
    }
    return CLASS.normal;
  };
  const hour = 3600;
  for (let segment = spec.from; segment < spec.to; segment += hour) {
    const segmentEnd = Math.min(segment + hour, spec.to);
    let rate = spec.ratePerSecond;
    if (spec.profile) {
      const clock = wallClock(segment * 1000, spec.profile.tz);
      rate *= spec.profile.weights[clock.weekday * 24 + clock.hour]!;
    }
    if (!(rate > 0)) continue;
    for (let t = segment + exponential(u, 1 / rate); t < segmentEnd; t += exponential(u, 1 / rate)) {
      times.push(Math.round(t));
      classes.push(pickClass());
    }
  }
  return { arrival: Float64Array.from(times), cls: Uint8Array.from(classes) };
}

export interface BatchSpec {
  readonly size: number;
  /** Age of the oldest and the newest message when the team starts, seconds. */
  readonly oldestSeconds: number;
  readonly newestSeconds: number;
  /** When the team starts on the inbox, epoch seconds. */
  readonly start: number;
}

/**
 * The seeds' morning inbox: `size` normal-priority messages, ages evenly spread between the
 * oldest and the newest, all waiting when the team starts and no more arriving.
 */
export function batchArrivals(spec: BatchSpec): Arrivals {
  const { size, oldestSeconds, newestSeconds, start } = spec;
  const step = size > 1 ? (oldestSeconds - newestSeconds) / (size - 1) : 0;
  return {
    arrival: Float64Array.from({ length: size }, (_, i) => start - Math.round(oldestSeconds - i * step)),
    cls: new Uint8Array(size).fill(CLASS.normal),
  };
}
