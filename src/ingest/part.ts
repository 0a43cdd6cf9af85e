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
  | { type: 'ready' }
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

/** A worker thread started before its part is known: it waits, loaded, for one job. */
export interface PartWorker {
  /** Settles once the worker has loaded; rejects if it fails to. */
  ready: Promise<void>;
  /** Has the worker read `job`'s part of the file. */
  read(job: PartJob): PartRead;
  /** Ends the worker, whether or not it was given a part. */
  stop(): void;
}

/**
 * Starts a worker thread for the later part of a file. Loading csops into it takes a tenth of a
 * second or more, so it starts before the part is chosen (see load.ts, startPart).
 */
export function startPartWorker(): PartWorker {
  const worker = new Worker(new URL('./part-worker.js', import.meta.url));
  // Waiting for its job, it does not keep the process alive; reading a part, it does.
  worker.unref();
  const stop = (): void => void worker.terminate();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once('message', (message: PartMessage) => (message.type === 'ready' ? resolve() : reject(new Error(`unexpected ${message.type}`))));
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the worker stopped before it was ready')));
  });
  ready.catch(() => undefined);
  return { ready, read: (job) => readPart(worker, job), stop };
}

function readPart(worker: Worker, job: PartJob): PartRead {
  const progress = { rows: 0, bytes: 0 };
  const result = new Promise<PartResult>((resolve, reject) => {
    worker.on('message', (message: PartMessage) => {
      if (message.type === 'ready') return;
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
  worker.ref();
  worker.postMessage(job);
  // Not awaited when the part is cancelled: a rejection then is expected, not unhandled.
  result.catch(() => undefined);
  return { result, progress, cancel: () => void worker.terminate() };
}
