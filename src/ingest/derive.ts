import { CellError, isEmptyCell } from './values.js';

/** What ingestion noticed while reading, turned into notes for the user at the end. */
export interface IngestStats {
  /** Tickets created after the moment of reading (clock skew or a wrong --tz). */
  createdInFuture: number;
  unrecognisedStatus: Map<string, number>;
  unrecognisedPriority: Map<string, number>;
}

/** When and where tickets are read: the same for every row and every thread of one load. */
export interface ReadingClock {
  /** Zone for timestamps written without an offset. */
  tz: string;
  /** The moment loading began (epoch ms): tickets created after it are counted as dated in the future. */
  now: number;
}

export const newIngestStats = (): IngestStats => ({
  createdInFuture: 0,
  unrecognisedStatus: new Map(),
  unrecognisedPriority: new Map(),
});

/** Adds what another reader noticed (a worker thread's part of the file) to `stats`. */
export function addIngestStats(stats: IngestStats, more: IngestStats): void {
  stats.createdInFuture += more.createdInFuture;
  for (const key of ['unrecognisedStatus', 'unrecognisedPriority'] as const) {
    for (const [value, n] of more[key]) stats[key].set(value, (stats[key].get(value) ?? 0) + n);
  }
}

/** Counts a status or priority cell csops could not read (left empty), by its trimmed text. */
export function countUnrecognised(counts: Map<string, number>, raw: string | undefined): void {
  if (isEmptyCell(raw)) return;
  const text = raw.trim();
  counts.set(text, (counts.get(text) ?? 0) + 1);
}

/**
 * Checks a ticket's timestamps (NaN where it has none) for impossible ones, throwing a CellError,
 * and counts tickets dated in the future. Durations the export lacks are left missing: metrics
 * derives them from the timestamps (src/metrics/derive.ts).
 */
export function checkTimes(createdAt: number, firstReplyAt: number, solvedAt: number, stats: IngestStats, now: number): void {
  if (firstReplyAt < createdAt) throw new CellError('first reply is before the ticket was created');
  if (solvedAt < createdAt) throw new CellError('solved before the ticket was created');
  if (createdAt > now) stats.createdInFuture++;
}
