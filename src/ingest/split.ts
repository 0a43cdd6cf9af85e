import { open } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { CsvLayout } from './csv-reader.js';
import { CsvTokenizer } from './csv-tokenizer.js';

/** Bytes looked at around the middle of a file for a place where a record starts. */
const WINDOW = 256 * 1024;
/** Line starts tried in that window before giving up on splitting the file. */
const MAX_CANDIDATES = 64;
/** Records that must read cleanly after a candidate for it to be taken. */
const RECORDS_TO_TRUST = 4;
const LF = 10;

export type SplitKind = { kind: 'ndjson' } | { kind: 'csv'; layout: CsvLayout };

/**
 * A byte offset near the middle of [from, size) where a record starts, for a second thread to
 * read from there to the end; undefined when none is found.
 *
 * NDJSON splits after any line break. In a CSV, a line break may be inside a quoted field, and
 * where quotes stand can only be known by reading from the start; so this is a guess: the first
 * line start after which a few records read cleanly with the header's width. The thread reading
 * the first part confirms it (it must end exactly on a record there), and the caller falls back to
 * reading on in that thread when it does not.
 */
export async function findSplit(path: string, from: number, size: number, split: SplitKind): Promise<number | undefined> {
  if (split.kind === 'csv' && split.layout.lineEnding !== 'lf' && split.layout.lineEnding !== 'crlf') return undefined;
  const middle = from + Math.floor((size - from) / 2);
  const window = Buffer.alloc(Math.min(WINDOW, size - middle));
  const handle = await open(path, 'r');
  try {
    await handle.read(window, 0, window.length, middle);
  } finally {
    await handle.close();
  }
  let candidates = 0;
  for (let lf = window.indexOf(LF); lf !== -1 && candidates < MAX_CANDIDATES; lf = window.indexOf(LF, lf + 1), candidates++) {
    const start = lf + 1;
    if (middle + start >= size) return undefined;
    if (split.kind === 'ndjson' || readsCleanly(window.subarray(start), split.layout)) return middle + start;
  }
  return undefined;
}

/**
 * True when the text starts with a few whole records of the header's width and no syntax problem.
 * Only those are read: a malformed row further on says nothing about this place.
 */
function readsCleanly(bytes: Buffer, layout: CsvLayout): boolean {
  let records = 0;
  let clean = true;
  const tokenizer = new CsvTokenizer(
    layout.delimiter,
    (record) => {
      if (record.length === layout.header.length) records++;
      else clean = false;
      // Pauses the tokenizer: enough is known.
      return !clean || records >= RECORDS_TO_TRUST;
    },
    () => void (clean = false),
    layout.lineEnding,
  );
  tokenizer.push(new TextDecoder('utf-8').decode(bytes));
  return clean && records >= RECORDS_TO_TRUST;
}
