import { SatisfactionKind, type TicketTable } from '../model/table.js';
import { MS } from '../model/time.js';
import { offsetLookup } from './zone-offsets.js';
import { STATUSES } from '../model/ticket.js';

const SOLVED = STATUSES.indexOf('solved');
const CLOSED = STATUSES.indexOf('closed');

/** Where the calendar minutes of one duration came from, for the notes. */
export interface DurationSources {
  fromExport: number;
  fromTimestamps: number;
  /** Tickets that had both; the export's figure was used (it follows the helpdesk's own rules). */
  both: number;
}

/**
 * Per-ticket values every metric reads, computed once for the whole table: durations with the
 * timestamp fallback, the solved flag and the created day and hour in the chosen zone. Indexed
 * by table row, NaN = missing, like the table itself.
 */
export interface Derived {
  solved: Uint8Array;
  firstReply: Float64Array;
  firstReplyBusiness: Float64Array;
  firstResolution: Float64Array;
  fullResolution: Float64Array;
  fullResolutionBusiness: Float64Array;
  /** Instant the ticket was (last) solved, NaN when unknown. */
  solvedAt: Float64Array;
  /** Day number of solvedAt in the zone, NO_DAY when unknown. */
  solvedDay: Int32Array;
  /** Day number (days since 1970-01-01) of createdAt in the zone. */
  createdDay: Int32Array;
  /** Hour 0–23 of createdAt in the zone. */
  createdHour: Uint8Array;
  /** Which metrics the export carries at all (any ticket has a value). */
  has: {
    firstReply: boolean;
    firstReplyBusiness: boolean;
    firstResolution: boolean;
    fullResolution: boolean;
    fullResolutionBusiness: boolean;
    replies: boolean;
    reopens: boolean;
    satisfaction: boolean;
    /** Tickets marked offered-but-unanswered or not offered: the export records who was surveyed. */
    surveyOffers: boolean;
  };
  sources: { firstReply: DurationSources; firstResolution: DurationSources; fullResolution: DurationSources };
}

/** solvedDay of a ticket not solved or solved at an unknown time. */
export const NO_DAY = -2147483648;

const newSources = (): DurationSources => ({ fromExport: 0, fromTimestamps: 0, both: 0 });

/** Prefers the export's own duration; falls back to the minutes between two instants. */
function pick(exported: number, start: number, end: number, sources: DurationSources): number {
  const computed = (end - start) / MS.minute;
  if (!Number.isNaN(exported)) {
    sources.fromExport++;
    if (!Number.isNaN(computed)) sources.both++;
    return exported;
  }
  if (!Number.isNaN(computed)) {
    sources.fromTimestamps++;
    return computed;
  }
  return Number.NaN;
}

function anyFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return true;
  return false;
}

/**
 * A ticket counts as solved when its status is solved or closed; when the status is unknown,
 * a solve time stands in for it.
 */
const isSolved = (status: number, solvedAt: number): boolean =>
  status === SOLVED || status === CLOSED || (status < 0 && !Number.isNaN(solvedAt));

/** Earliest and latest instant the day computations meet: created and solve times. */
function instantRange(table: TicketTable): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const column of [table.createdAt, table.solvedAt]) {
    for (let i = 0; i < column.length; i++) {
      const v = column[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

export function derive(table: TicketTable, tz: string): Derived {
  const n = table.length;
  const solved = new Uint8Array(n);
  const firstReply = new Float64Array(n);
  const firstResolution = new Float64Array(n);
  const fullResolution = new Float64Array(n);
  const solvedAt = new Float64Array(n);
  const solvedDay = new Int32Array(n);
  const createdDay = new Int32Array(n);
  const createdHour = new Uint8Array(n);
  const sources = { firstReply: newSources(), firstResolution: newSources(), fullResolution: newSources() };
  let surveyOffers = false;
  let satisfaction = false;
  const offset = offsetLookup(tz, instantRange(table));
  const localDay = (epochMs: number): number => Math.floor((epochMs + offset(epochMs) * MS.minute) / MS.day);
  for (let row = 0; row < n; row++) {
    const created = table.createdAt[row]!;
    const isDone = isSolved(table.status[row]!, table.solvedAt[row]!);
    solved[row] = isDone ? 1 : 0;
    firstReply[row] = pick(table.firstReplyMinutes[row]!, created, table.firstReplyAt[row]!, sources.firstReply);
    const full = isDone ? pick(table.fullResolutionMinutes[row]!, created, table.solvedAt[row]!, sources.fullResolution) : Number.NaN;
    fullResolution[row] = full;
    // Without reopens the first solve is the last one; with reopens the first solve time is not in the table.
    const firstFromFull = table.reopens[row] === 0 ? created + full * MS.minute : Number.NaN;
    firstResolution[row] = isDone
      ? pick(table.firstResolutionMinutes[row]!, created, firstFromFull, sources.firstResolution)
      : Number.NaN;
    const solveTime = !isDone ? Number.NaN : Number.isNaN(table.solvedAt[row]!) ? created + full * MS.minute : table.solvedAt[row]!;
    solvedAt[row] = solveTime;
    solvedDay[row] = Number.isNaN(solveTime) ? NO_DAY : localDay(solveTime);
    const local = created + offset(created) * MS.minute;
    const day = Math.floor(local / MS.day);
    createdDay[row] = day;
    createdHour[row] = Math.floor((local - day * MS.day) / MS.hour);
    const kind = table.satisfactionKind[row]!;
    if (kind !== SatisfactionKind.None) satisfaction = true;
    if (kind === SatisfactionKind.Offered || kind === SatisfactionKind.Unoffered) surveyOffers = true;
  }
  return {
    solved,
    firstReply,
    firstReplyBusiness: table.firstReplyMinutesBusiness,
    firstResolution,
    fullResolution,
    fullResolutionBusiness: table.fullResolutionMinutesBusiness,
    solvedAt,
    solvedDay,
    createdDay,
    createdHour,
    has: {
      firstReply: anyFinite(firstReply),
      firstReplyBusiness: anyFinite(table.firstReplyMinutesBusiness),
      firstResolution: anyFinite(firstResolution),
      fullResolution: anyFinite(fullResolution),
      fullResolutionBusiness: anyFinite(table.fullResolutionMinutesBusiness),
      replies: anyFinite(table.replies),
      reopens: anyFinite(table.reopens),
      satisfaction,
      surveyOffers,
    },
    sources,
  };
}
