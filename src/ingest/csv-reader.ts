import { CsvTokenizer, type CsvRecord, type LineEnding } from './csv-tokenizer.js';
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
   * header is line 1), in file order, synchronously as the text is tokenised: an await per record
   * cost more than tokenising it. `record` is reused: read it during the call. Syntax problems go
   * to the handler given to readCsv, in their place in the file.
   */
  eachRecord(each: (record: CsvRecord, line: number) => void): Promise<void>;
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
 * Streams a CSV file's records with line numbers. Returns undefined when the file has no header
 * line at all. With `layout`, the source is a later part of a file, starting at a record, and
 * its line numbers count from 1 at that record.
 */
export async function readCsv(
  source: TextSource,
  onSyntaxProblem: (problem: CsvSyntaxProblem) => void,
  layout?: CsvLayout,
): Promise<CsvRead | undefined> {
  const delimiter = layout?.delimiter ?? sniffDelimiter(source.head);
  let header = layout?.header;
  // Until the header is read, the first record is it: the tokenizer pauses there.
  const tokenizer = new CsvTokenizer(
    delimiter,
    (record) => {
      header = record.fields();
      return true;
    },
    (line, message) => onSyntaxProblem({ line, message }),
    layout?.lineEnding,
  );
  const chunks = source.chunks[Symbol.asyncIterator]();
  /** Feeds the tokenizer the next chunk; false once the text is exhausted (and ended). */
  async function feed(): Promise<boolean> {
    const next = await chunks.next();
    if (next.done) {
      tokenizer.end();
      return false;
    }
    tokenizer.push(next.value);
    return true;
  }
  while (header === undefined) if (!(await feed())) break;
  if (header === undefined) return undefined;
  return {
    header,
    async eachRecord(each) {
      tokenizer.setHandler(each);
      tokenizer.resume();
      while (await feed());
    },
    layout: () => ({ header: header!, delimiter, ...(tokenizer.lineEnding ? { lineEnding: tokenizer.lineEnding } : {}) }),
    atRecordBoundary: () => tokenizer.atRecordBoundary,
    nextLine: () => tokenizer.nextLine,
  };
}
