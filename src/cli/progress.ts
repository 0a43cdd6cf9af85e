import type { LoadProgress } from '../ingest/load.js';
import type { CliContext } from './context.js';

/** A progress line for reading exports: `update` feeds it, `clear` makes room for a message. */
export interface ProgressLine {
  update(progress: LoadProgress): void;
  /** Erases the line (before a warning, or at the end); the next update draws it again. */
  clear(): void;
}

/** Short inputs finish before this; only a read that takes longer shows a progress line. */
const SHOW_AFTER_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 200;

const NONE: ProgressLine = { update() {}, clear() {} };

const count = (n: number): string => Math.round(n).toLocaleString('en-US');
const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** The text of the line: rows, rows per second, bytes read of the size, and time left when known. */
export function describeProgress(progress: LoadProgress, elapsedMs: number): string {
  const seconds = elapsedMs / 1000;
  const rate = seconds > 0 ? ` (${count(progress.rows / seconds)} rows/s)` : '';
  const parts = [`${count(progress.rows)} rows${rate}`];
  if (progress.size !== undefined && progress.size > 0) {
    parts.push(`${megabytes(progress.bytes)} of ${megabytes(progress.size)}`);
    const bytesPerSecond = progress.bytes / seconds;
    if (bytesPerSecond > 0 && progress.bytes < progress.size) parts.push(`ETA ${duration((progress.size - progress.bytes) / bytesPerSecond)}`);
  } else {
    parts.push(`${megabytes(progress.bytes)} read`);
  }
  return `${parts.join(', ')}: ${progress.file}`;
}

/**
 * Progress of a long read on stderr, only when stderr is a terminal (never in pipes, logs or CI
 * output) and only once the read has taken a second. `now` is injectable for tests.
 */
export function progressLine(ctx: CliContext, now: () => number = Date.now): ProgressLine {
  if (ctx.stderr.isTTY !== true) return NONE;
  const started = now();
  let lastDrawn = 0;
  let shown = false;
  return {
    update(progress) {
      const t = now();
      if (progress.done || t - started < SHOW_AFTER_MS || t - lastDrawn < REDRAW_MS) return;
      lastDrawn = t;
      shown = true;
      const width = Math.max(20, (ctx.stderr.columns || 80) - 1);
      ctx.stderr.write(`\r\x1b[2Kcsops: reading ${describeProgress(progress, t - started)}`.slice(0, width + 5));
    },
    clear() {
      if (!shown) return;
      shown = false;
      lastDrawn = 0;
      ctx.stderr.write('\r\x1b[2K');
    },
  };
}
