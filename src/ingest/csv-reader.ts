import { CsvTokenizer, type LineEnding } from './csv-tokenizer.js';
import type { TextSource } from './source.js';

export type Delimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * The delimiter of the header line: the candidate that occurs most often outside quotes.
 * Excel in many European locales saves "CSV" with `;`.
 */
export function sniffDelimiter(head: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of head) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** A record the CSV grammar rejects (an unclosed quote, a stray quote): skipped and reported. */
export interface CsvSyntaxProblem {
  line: number;
  message: string;
}

export interface CsvRead {
  header: string[];
  /**
   * Calls `each` for every record after the header with the line it starts on (1-based, the
   * header is line 1), in file order, synchronously within a
   * chunk of text: an await per record cost more than tokenising it. Syntax problems go to the
   * handler given to readCsv, in their place in the file.
   */
  eachRecord(each: (fields: string[], line: number) => void): Promise<void>;
  /** Read only these columns from here on; the others come as '' (see CsvTokenizer.only). */
  only(columns: readonly number[]): void;
  /** What a later part of the same file is read with (see CsvLayout). */
  layout(): CsvLayout;
  /** True when the text read so far ends with a whole record. */
  atRecordBoundary(): boolean;
  /** The line the next record starts on. */
  nextLine(): number;
}

/** What reading a later part of a CSV file needs to know from its start. */
export interface CsvLayout {
  header: string[];
  delimiter: Delimiter;
  lineEnding?: LineEnding;
}

/**
 * Records and syntax problems of the text tokenised so far, in file order, as parallel arrays
 * (no object per record): `fields[i]` is null where entry i is a problem.
 */
class Batch {
  fields: (string[] | null)[] = [];
  lines: number[] = [];
  messages: string[] = [];
  get length(): number {
    return this.lines.length;
  }
}

/**
 * Streams a CSV file's records as string arrays, with line numbers. Records are tokenised a
 * chunk at a time and handed out in file order. Returns undefined when the file has no header
 * line at all. With `layout`, the source is a later part of a file, starting at a record, and
 * its line numbers count from 1 at that record.
 */
export async function readCsv(
  source: TextSource,
  onSyntaxProblem: (problem: CsvSyntaxProblem) => void,
  layout?: CsvLayout,
): Promise<CsvRead | undefined> {
  let batch = new Batch();
  const delimiter = layout?.delimiter ?? sniffDelimiter(source.head);
  const tokenizer = new CsvTokenizer(
    delimiter,
    (fields, line) => {
      batch.fields.push(fields);
      batch.lines.push(line);
    },
    (line, message) => {
      batch.fields.push(null);
      batch.lines.push(line);
      batch.messages.push(message);
    },
    layout?.lineEnding,
  );
  const chunks = source.chunks[Symbol.asyncIterator]();
  let ended = false;
  /** The next tokenised entries; empty only once the text is exhausted. */
  async function nextBatch(): Promise<Batch> {
    while (batch.length === 0 && !ended) {
      const next = await chunks.next();
      if (next.done) {
        tokenizer.end();
        ended = true;
      } else tokenizer.push(next.value);
    }
    const taken = batch;
    batch = new Batch();
    return taken;
  }
  let pending = await nextBatch();
  let index = 0;
  let problem = 0;
  /** Hands out entries of `pending` from `index` until `stop` says enough (the header) or it runs out. */
  const drain = (each: (fields: string[], line: number) => boolean | void): boolean => {
    const { fields, lines, messages } = pending;
    while (index < lines.length) {
      const record = fields[index];
      const line = lines[index++]!;
      if (record === null) onSyntaxProblem({ line, message: messages[problem++]! });
      else if (each(record!, line) === true) return true;
    }
    return false;
  };
  let header = layout?.header;
  while (header === undefined && !drain((fields) => ((header = fields), true))) {
    pending = await nextBatch();
    index = problem = 0;
    if (pending.length === 0) return undefined;
  }
  return {
    header: header!,
    async eachRecord(each) {
      for (;;) {
        drain(each);
        pending = await nextBatch();
        index = problem = 0;
        if (pending.length === 0) return;
      }
    },
    only: (columns) => tokenizer.only(columns),
    layout: () => ({ header: header!, delimiter, ...(tokenizer.lineEnding ? { lineEnding: tokenizer.lineEnding } : {}) }),
    atRecordBoundary: () => tokenizer.atRecordBoundary,
    nextLine: () => tokenizer.nextLine,
  };
}
