import { Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
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
}

/**
 * Streams a CSV file's records as string arrays (no per-row objects), with line numbers.
 * Returns undefined when the file has no header line at all.
 */
export async function readCsv(
  source: TextSource,
  onSyntaxProblem: (problem: CsvSyntaxProblem) => void,
): Promise<CsvRead | undefined> {
  const parser = parse({
    delimiter: sniffDelimiter(source.head),
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    onSyntaxProblem({ line: error.lines ?? 0, message: describeCsvError(error) });
  });
  Readable.from(source.chunks).on('error', (error) => parser.destroy(error)).pipe(parser);
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await iterator.next();
  if (first.done) return undefined;
  const header = first.value.record;
  let previousEnd = first.value.info.lines;
  async function* records(): AsyncGenerator<CsvRecord> {
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { record, info } = next.value;
      yield { fields: record, line: previousEnd + 1 };
      previousEnd = info.lines;
    }
  }
  return { header, records: records() };
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (the file may be cut short)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a quoted field is not doubled';
    default:
      return error.message.replace(/^Invalid Record Length: /, '');
  }
}
