import { SatisfactionKind, valueRange, type NumberColumn, type TicketTable } from '../model/table.js';
import { MS } from '../model/time.js';
import { STATUSES } from '../model/ticket.js';
import { offsetLookup } from './zone-offsets.js';

const SOLVED = STATUSES.indexOf('solved');
const CLOSED = STATUSES.indexOf('closed');

/** Where the calendar minutes of one duration came from, for the notes. */
export interface DurationSources {
  fromExport: number;
  fromTimestamps: number;
  /**
   * Tickets whose timestamps give a duration at least a minute away from the export's; the
   * export's was used (it follows the helpdesk's own rules, e.g. on agent-created tickets).
   */
  differing: number;
}

/**
 * Per-ticket values every metric reads, computed once for the whole table: durations with the
 * timestamp fallback, the solved flag and the created day and minute in the chosen zone. Indexed
 * by table row, NaN = missing, like the table itself. Resolution durations count only where
 * solved[row] is 1 (an export may carry them for reopened, now open, tickets).
 */
export interface Derived {
  solved: Uint8Array;
  firstReply: NumberColumn;
  firstReplyBusiness: NumberColumn;
  firstResolution: NumberColumn;
  fullResolution: NumberColumn;
  fullResolutionBusiness: NumberColumn;
  /** Day number of the (last) solve in the zone, NO_DAY when unknown. */
  solvedDay: Int32Array;
  /** Day number (days since 1970-01-01) of createdAt in the zone. */
  createdDay: Int32Array;
  /** Minute of the day 0–1439 of createdAt in the zone (opening hours may start on the half hour). */
  createdMinute: Uint16Array;
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

/**
 * A duration column that stays the export's own array until a ticket needs a value the export
 * lacks: then it is copied once. This is the one place a duration is computed from timestamps
 * (ingest keeps what the export says), so an export with its own durations copies nothing.
 */
class FilledColumn {
  values: NumberColumn;
  private copied = false;
  readonly sources: DurationSources = { fromExport: 0, fromTimestamps: 0, differing: 0 };
  constructor(readonly exported: NumberColumn) {
    this.values = exported;
  }

  /** Prefers the export's duration of `row`; falls back to `computed` (NaN when unknown). */
  settle(row: number, computed: number): void {
    const exported = this.exported[row]!;
    if (!Number.isNaN(exported)) {
      this.sources.fromExport++;
      // Exports round to whole minutes; only a real disagreement is worth a note.
      if (Math.abs(exported - computed) >= 1) this.sources.differing++;
      return;
    }
    if (Number.isNaN(computed)) return;
    if (!this.copied) {
      // Into doubles: the export's column may be a Float32Array, which would round a computed
      // duration (whole minutes are what it holds exactly).
      this.values = new Float64Array(this.exported.length);
      this.values.set(this.exported);
      this.copied = true;
    }
    this.values[row] = computed;
    this.sources.fromTimestamps++;
  }
}

/** Whether any value is present (among solved tickets only, when `solved` is given). */
export function anyFinite(values: NumberColumn, solved?: Uint8Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!) && (!solved || solved[i] === 1)) return true;
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
  const created = valueRange(table.createdAt);
  const solved = valueRange(table.solvedAt);
  return { min: Math.min(created.min, solved.min), max: Math.max(created.max, solved.max) };
}

export function derive(table: TicketTable, tz: string): Derived {
  const n = table.length;
  const solved = new Uint8Array(n);
  const firstReply = new FilledColumn(table.firstReplyMinutes);
  const firstResolution = new FilledColumn(table.firstResolutionMinutes);
  const fullResolution = new FilledColumn(table.fullResolutionMinutes);
  const solvedDay = new Int32Array(n);
  const createdDay = new Int32Array(n);
  const createdMinute = new Uint16Array(n);
  let surveyOffers = false;
  let satisfaction = false;
  const offset = offsetLookup(tz, instantRange(table));
  for (let row = 0; row < n; row++) {
    const created = table.createdAt[row]!;
    const local = created + offset(created) * MS.minute;
    const day = Math.floor(local / MS.day);
    createdDay[row] = day;
    createdMinute[row] = Math.floor((local - day * MS.day) / MS.minute);
    const kind = table.satisfactionKind[row]!;
    if (kind !== SatisfactionKind.None) satisfaction = true;
    if (kind === SatisfactionKind.Offered || kind === SatisfactionKind.Unoffered) surveyOffers = true;
    firstReply.settle(row, (table.firstReplyAt[row]! - created) / MS.minute);
    // Resolution durations belong to solved tickets; consumers read them through the solved flag.
    const exportedSolve = table.solvedAt[row]!;
    if (!isSolved(table.status[row]!, exportedSolve)) {
      solvedDay[row] = NO_DAY;
      continue;
    }
    solved[row] = 1;
    fullResolution.settle(row, (exportedSolve - created) / MS.minute);
    const full = fullResolution.values[row]!;
    // Without reopens the first solve is the last one; with reopens the first solve time is not in the table.
    firstResolution.settle(row, table.reopens[row] === 0 ? full : Number.NaN);
    const solveTime = Number.isNaN(exportedSolve) ? created + full * MS.minute : exportedSolve;
    solvedDay[row] = Number.isNaN(solveTime) ? NO_DAY : Math.floor((solveTime + offset(solveTime) * MS.minute) / MS.day);
  }
  return {
    solved,
    firstReply: firstReply.values,
    firstReplyBusiness: table.firstReplyMinutesBusiness,
    firstResolution: firstResolution.values,
    fullResolution: fullResolution.values,
    fullResolutionBusiness: table.fullResolutionMinutesBusiness,
    solvedDay,
    createdDay,
    createdMinute,
    has: {
      firstReply: anyFinite(firstReply.values),
      firstReplyBusiness: anyFinite(table.firstReplyMinutesBusiness),
      firstResolution: anyFinite(firstResolution.values, solved),
      fullResolution: anyFinite(fullResolution.values, solved),
      fullResolutionBusiness: anyFinite(table.fullResolutionMinutesBusiness, solved),
      replies: anyFinite(table.replies),
      reopens: anyFinite(table.reopens),
      satisfaction,
      surveyOffers,
    },
    sources: { firstReply: firstReply.sources, firstResolution: firstResolution.sources, fullResolution: fullResolution.sources },
  };
}
