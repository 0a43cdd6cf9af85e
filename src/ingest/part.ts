import { Worker } from 'node:worker_threads';
import { CsopsError, EXIT } from '../errors.js';
import type { TablePart } from '../model/table.js';
import type { IngestStats } from './derive.js';
import type { RowCounts, RowOptions, RowProblem } from './rows.js';
import type { SplitKind } from './split.js';

/** The later part of a file, for a worker thread to read (everything in it crosses threads). */
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

export type PartMessage =
  | { type: 'progress'; rows: number; bytes: number }
  | { type: 'done'; result: PartResult }
  | { type: 'failed'; message: string; stack?: string; inputError: boolean };

export interface PartRead {
  /** The part's rows, once the worker is done. */
  result: Promise<PartResult>;
  /** Rows and bytes the worker has read so far. */
  progress: { rows: number; bytes: number };
  /** Stops the worker (its part is not wanted after all). */
  cancel(): void;
}

/** Starts a worker thread reading `job`'s part of the file. */
export function readPartInWorker(job: PartJob): PartRead {
  const worker = new Worker(new URL('./part-worker.js', import.meta.url), { workerData: job });
  const progress = { rows: 0, bytes: 0 };
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.on('message', (message: PartMessage) => {
      if (message.type === 'progress') Object.assign(progress, { rows: message.rows, bytes: message.bytes });
      else if (message.type === 'done') {
        resolve(message.result);
        // Its heap goes at once, before this thread merges the part in.
        void worker.terminate();
      }
      // A user's input problem keeps its one-line message and exit code; anything else is a bug.
      else if (message.inputError) reject(new CsopsError(message.message, EXIT.input));
      else reject(Object.assign(new Error(message.message), { stack: message.stack }));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the worker reading ${job.file} stopped (exit code ${code})`)));
  });
  // Not awaited when the part is cancelled: a rejection then is expected, not unhandled.
  result.catch(() => undefined);
  return { result, progress, cancel: () => void worker.terminate() };
}
