import { percentileSorted } from '../metrics/percentile.js';
import { ratio } from '../model/ratio.js';
import { CLASSES, type TicketClass } from './classes.js';
import type { RunOutcome, Workload } from './engine.js';

/** Waits of one group of tickets, in minutes; null where there is nothing to measure. */
export interface WaitStats {
  /** Tickets answered (an agent started on them) and counted (arrived after warm-up). */
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
  /**
   * Share answered within each target (keys in minutes). A ticket still waiting at the end
   * counts as a miss once it is older than the target, and is left out while it is younger
   * (its outcome is not known yet).
   */
  withinSla: Record<string, number | null>;
  /** Share of counted tickets that waited, or are still waiting, more than 24 h (starvation). */
  over24h: number | null;
  /** Share answered before the customer's patience ran out; null when patience is not modelled. */
  answeredBeforePatience: number | null;
}

export interface SummaryOptions {
  /** Tickets arriving before this instant (warm-up) are simulated but not counted. */
  readonly measureFrom: number;
  /** SLA targets in minutes. */
  readonly slaMinutes: readonly number[];
  /** Seconds each customer is willing to wait, per ticket. */
  readonly patience?: Float64Array;
}

const STARVATION_MINUTES = 24 * 60;

/** Number of sorted values <= x. */
function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Waits (sorted) and still-waiting ages of one group, with the patience tallies. */
interface Group {
  waits: Float64Array;
  ages: Float64Array;
  patient: number;
  patienceKnown: number;
}

export function waitStats(group: Group, options: SummaryOptions): WaitStats {
  const { waits, ages } = group;
  const n = waits.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += waits[i]!;
  const withinSla: Record<string, number | null> = {};
  for (const target of options.slaMinutes) {
    const olderThanTarget = ages.length - countAtMost(ages, target);
    withinSla[String(target)] = ratio(countAtMost(waits, target), n + olderThanTarget);
  }
  const starved = n - countAtMost(waits, STARVATION_MINUTES) + ages.length - countAtMost(ages, STARVATION_MINUTES);
  return {
    count: n,
    mean: n > 0 ? sum / n : null,
    median: percentileSorted(waits, 50),
    p90: percentileSorted(waits, 90),
    p95: percentileSorted(waits, 95),
    p99: percentileSorted(waits, 99),
    max: n > 0 ? waits[n - 1]! : null,
    withinSla,
    over24h: ratio(starved, n + ages.length),
    answeredBeforePatience: options.patience ? ratio(group.patient, group.patienceKnown) : null,
  };
}

export interface RunSummary {
  overall: WaitStats;
  byClass: Partial<Record<TicketClass, WaitStats>>;
  /** Tickets (warm-up ones included) still waiting at the end. */
  unansweredAtEnd: number;
  /** How long the longest-waiting ticket had waited at the end; null when none waits. */
  oldestWaitingMinutes: number | null;
  /**
   * Busy agent time over working time (busy, or idle on shift) in the measured window; finishing
   * a ticket after the shift ends counts as working. Null without staff.
   */
  utilisation: number | null;
}

/** Per-class and overall wait statistics of one run. */
export function summarise(workload: Workload, run: RunOutcome, options: SummaryOptions): RunSummary {
  const { arrival, cls } = workload;
  const { start, end } = run;
  const n = arrival.length;
  const classCount = CLASSES.length;
  const waits = Array.from({ length: classCount + 1 }, () => new Float64Array(n));
  const ages = Array.from({ length: classCount + 1 }, () => new Float64Array(n));
  const waitCount = new Int32Array(classCount + 1);
  const ageCount = new Int32Array(classCount + 1);
  const patient = new Int32Array(classCount + 1);
  const patienceKnown = new Int32Array(classCount + 1);
  let unansweredAtEnd = 0;
  let oldestArrival = Infinity;
  const all = classCount;
  for (let i = 0; i < n; i++) {
    const arrived = arrival[i]!;
    if (arrived > end) break;
    const started = start[i]!;
    const answered = !Number.isNaN(started);
    if (!answered) {
      unansweredAtEnd++;
      oldestArrival = Math.min(oldestArrival, arrived);
    }
    if (arrived < options.measureFrom) continue;
    const c = cls[i]!;
    const waitSeconds = (answered ? started : end) - arrived;
    const minutes = waitSeconds / 60;
    if (answered) {
      waits[c]![waitCount[c]!++] = minutes;
      waits[all]![waitCount[all]!++] = minutes;
    } else {
      ages[c]![ageCount[c]!++] = minutes;
      ages[all]![ageCount[all]!++] = minutes;
    }
    if (options.patience) {
      const limit = options.patience[i]!;
      // Still waiting but not yet past their patience: outcome unknown, left out.
      if (answered || waitSeconds > limit) {
        const kept = answered && waitSeconds <= limit ? 1 : 0;
        patienceKnown[c]!++;
        patienceKnown[all]!++;
        patient[c]! += kept;
        patient[all]! += kept;
      }
    }
  }
  const group = (g: number): Group => ({
    waits: waits[g]!.subarray(0, waitCount[g]!).sort(),
    ages: ages[g]!.subarray(0, ageCount[g]!).sort(),
    patient: patient[g]!,
    patienceKnown: patienceKnown[g]!,
  });
  const byClass: Partial<Record<TicketClass, WaitStats>> = {};
  CLASSES.forEach((name, c) => {
    if (waitCount[c]! + ageCount[c]! > 0) byClass[name] = waitStats(group(c), options);
  });
  return {
    overall: waitStats(group(all), options),
    byClass,
    unansweredAtEnd,
    oldestWaitingMinutes: unansweredAtEnd > 0 ? (end - oldestArrival) / 60 : null,
    utilisation: run.staffedSeconds > 0 ? run.busySeconds / run.staffedSeconds : null,
  };
}
