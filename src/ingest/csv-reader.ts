import { CsvTokenizer } from './csv-tokenizer.js';
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

export interface CsvRecord {
  fields: string[];
  /** Line on which the record starts (1-based, the header is line 1). */
  line: number;
}

/** A record the CSV grammar rejects (an unclosed quote, a stray quote): skipped and reported. */
export interface CsvSyntaxProblem {
  line: number;
  message: string;
}

export interface CsvRead {
  header: string[];
  records: AsyncIterable<CsvRecord>;
  /** Read only these columns from here on; the others come as '' (see CsvTokenizer.only). */
  only(columns: readonly number[]): void;
}

/** A record or a syntax problem, in file order, so problems are reported where they occur. */
type Entry = CsvRecord | CsvSyntaxProblem;
const isProblem = (entry: Entry): entry is CsvSyntaxProblem => 'message' in entry;

/**
 * Streams a CSV file's records as string arrays, with line numbers. Records are tokenised a
 * chunk at a time (no per-field objects, one array per record) and handed out in file order.
 * Returns undefined when the file has no header line at all.
 */
export async function readCsv(
  source: TextSource,
  onSyntaxProblem: (problem: CsvSyntaxProblem) => void,
): Promise<CsvRead | undefined> {
  let batch: Entry[] = [];
  const tokenizer = new CsvTokenizer(
    sniffDelimiter(source.head),
    (fields, line) => batch.push({ fields, line }),
    (line, message) => batch.push({ line, message }),
  );
  const chunks = source.chunks[Symbol.asyncIterator]();
  let ended = false;
  /** The next tokenised entries; empty only once the text is exhausted. */
  async function nextBatch(): Promise<Entry[]> {
    while (batch.length === 0 && !ended) {
      const next = await chunks.next();
      if (next.done) {
        tokenizer.end();
        ended = true;
      } else tokenizer.push(next.value);
    }
    const taken = batch;
    batch = [];
    return taken;
  }
  let pending = await nextBatch();
  let index = 0;
  let header: string[] | undefined;
  while (header === undefined) {
    if (index === pending.length) {
      pending = await nextBatch();
      index = 0;
      if (pending.length === 0) return undefined;
    }
    const entry = pending[index++]!;
    if (isProblem(entry)) onSyntaxProblem(entry);
    else header = entry.fields;
  }
  async function* records(): AsyncGenerator<CsvRecord> {
    for (; pending.length > 0; pending = await nextBatch(), index = 0) {
      for (; index < pending.length; index++) {
        const entry = pending[index]!;
        if (isProblem(entry)) onSyntaxProblem(entry);
        else yield entry;
      }
    }
  }
  return { header, records: records(), only: (columns) => tokenizer.only(columns) };
}
