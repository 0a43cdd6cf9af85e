import type { TablePart } from '../model/table.js';
import type { IngestStats } from './derive.js';
import type { RowCounts, RowOptions, RowProblem } from './rows.js';
import type { SplitKind } from './split.js';

/** The later part of a file, for a helper thread to read (everything in it crosses threads). */
export interface PartJob {
  file: string;
  path: string;
  /** Byte offset where the part starts: the start of a record. */
  start: number;
  /** Size of the whole file in bytes: the part runs from `start` to it. */
  size: number;
  options: RowOptions;
  split: SplitKind;
}

export interface PartResult {
  table: TablePart;
  counts: RowCounts;
  stats: IngestStats;
  /** Malformed rows, with lines counted from 1 at the part's first line. */
  problems: RowProblem[];
  /** Bytes the part spans. */
  bytes: number;
}

/** A part being read by a helper thread. */
export interface PartRead {
  /** The part's rows, once the helper is done. */
  result: Promise<PartResult>;
  /** Rows and bytes the helper has read so far. */
  progress: { rows: number; bytes: number };
  /** Stops the helper (its part is not wanted after all); it takes no more tasks. */
  cancel(): void;
}
