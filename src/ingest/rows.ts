import { InputError } from '../errors.js';
import type { OmittableField, TicketTableBuilder } from '../model/table.js';
import { bindHeaders, csvFormatById, detectCsvFormat, normaliseHeader, withColumnMap, type HeaderBinding } from './bind.js';
import type { CsvRead } from './csv-reader.js';
import type { CsvRecord } from './csv-tokenizer.js';
import type { IngestStats, ReadingClock } from './derive.js';
import type { FormatId, TicketField } from './formats.js';
import { CellError, RowError } from './values.js';
import { zendeskTicketWriter, type JsonReading, type ZendeskTicketWriter } from './zendesk-json.js';

/** What reading rows needs to know, the same in every thread (no callbacks: it crosses to workers). */
export interface RowOptions extends ReadingClock {
  inputFormat?: FormatId;
  map?: Partial<Record<TicketField, string>>;
  /**
   * A standing column map (the config file's): each entry applies only where the file has that
   * column, so one config serves a custom CSV and the helpdesk's own exports alike. `map` beats it.
   */
  configMap?: Partial<Record<TicketField, string>>;
  /** Keep tickets created in [from, to) (epoch ms). */
  from?: number;
  to?: number;
  /** Fields the command does not use: left unread and empty. */
  omit?: readonly OmittableField[];
}

export interface RowProblem {
  file: string;
  /** Line of a CSV record or NDJSON ticket; absent inside a JSON document (the field path says where). */
  line?: number;
  field?: string;
  message: string;
}

/** Where read rows go: tickets into the table, malformed rows to the problem handler. */
export interface Sink {
  /** The table being built: readers write each ticket's cells into its pending row. */
  readonly builder: TicketTableBuilder;
  /** Keeps the builder's pending row, unless --from/--to leave its ticket out. */
  acceptRow(): void;
  reject(problem: RowProblem): void;
}

/** Row counts of one file (or of the part of it one thread read). */
export interface RowCounts {
  rows: number;
  skipped: number;
  /** Tickets dropped by --from/--to. */
  outsidePeriod: number;
}

export const newRowCounts = (): RowCounts => ({ rows: 0, skipped: 0, outsidePeriod: 0 });

/** Adds the counts of another reader (a worker thread's part of the file) to `counts`. */
export function addRowCounts(counts: RowCounts, more: RowCounts): void {
  counts.rows += more.rows;
  counts.skipped += more.skipped;
  counts.outsidePeriod += more.outsidePeriod;
}

/** Progress is reported every 2^13 rows: often enough for a live display, rarely enough to cost nothing. */
const PROGRESS_EVERY = 8191;

/**
 * A sink that counts rows, keeps tickets of the period in `builder`, passes problems on and calls
 * `onProgress` every few thousand rows.
 */
export function tableSink(
  builder: TicketTableBuilder,
  options: RowOptions,
  counts: RowCounts,
  onProblem: (problem: RowProblem) => void,
  onProgress: () => void,
): Sink {
  const { from, to } = options;
  const onRow = (): void => {
    if ((++counts.rows & PROGRESS_EVERY) === 0) onProgress();
  };
  const acceptRow = (): void => {
    onRow();
    const createdAt = builder.pending('createdAt');
    if ((from !== undefined && createdAt < from) || (to !== undefined && createdAt >= to)) counts.outsidePeriod++;
    else builder.commitRow();
  };
  return {
    builder,
    acceptRow,
    reject(problem) {
      onRow();
      counts.skipped++;
      onProblem(problem);
    },
  };
}

/**
 * Tells `builder` the rows it should hold once `bytesLeft` more bytes are read, at the rows per
 * byte of this reader so far, with a tenth to spare.
 */
export function expectRows(builder: TicketTableBuilder, counts: RowCounts, bytesRead: number, bytesLeft: number): void {
  if (bytesRead > 0) builder.expectRows(builder.rows + ((counts.rows / bytesRead) * bytesLeft * 11) / 10);
}

/** The entries of a column map whose column is in the header. */
function presentColumns(map: RowOptions['configMap'], header: readonly string[]): Partial<Record<TicketField, string>> {
  const keys = new Set(header.map((h) => normaliseHeader(h).key));
  return Object.fromEntries(Object.entries(map ?? {}).filter(([, column]) => keys.has(normaliseHeader(column!).key)));
}

/** Which column feeds which field, from the header, the forced format and the column maps. */
export function bindCsv(file: string, header: readonly string[], options: RowOptions, stats: IngestStats): HeaderBinding {
  const detected = options.inputFormat ? csvFormatById(options.inputFormat) : detectCsvFormat(header);
  const map = { ...presentColumns(options.configMap, header), ...options.map };
  const hasMap = Object.keys(map).length > 0;
  if (!detected && !hasMap) {
    const hint = header.length <= 1 ? ' (only one column: is the delimiter right?)' : '';
    throw new InputError(file, `not a recognised export (missing a created-at column)${hint}; use --input-format or --map`);
  }
  const format = hasMap ? withColumnMap(detected, map) : detected!;
  try {
    return bindHeaders(format, header, options, stats, options.omit);
  } catch (error) {
    throw new InputError(file, `not a recognised ${format.label} (${(error as Error).message}); use --input-format or --map`);
  }
}

/** Reads every record of `csv` through `binding` into `sink`. */
export async function readCsvRows(file: string, csv: CsvRead, binding: HeaderBinding, sink: Sink): Promise<void> {
  const width = csv.header.length;
  const readRow = binding.rowReader(sink.builder);
  await csv.eachRecord((record, line) => {
    if (record.length < width || (record.length > width && hasTextFrom(record, width))) {
      sink.reject({ file, line, message: `has ${record.length} fields, the header has ${width}` });
      return;
    }
    try {
      readRow(record);
    } catch (error) {
      sink.reject(rowProblem(error, { file, line }));
      return;
    }
    sink.acceptRow();
  });
}

/** True when a field from `index` on holds more than blanks (trailing empty fields are harmless). */
function hasTextFrom(record: CsvRecord, index: number): boolean {
  for (let i = index; i < record.length; i++) if (record.field(i)!.trim() !== '') return true;
  return false;
}

/**
 * Calls `each` for every line of the decoded chunks with its 1-based number, and returns how many
 * lines there were. Lines are handed out synchronously within a chunk: an await per line cost
 * more than parsing a million of them.
 */
async function eachLine(chunks: AsyncIterable<string>, each: (text: string, line: number) => void): Promise<number> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    let newline: number;
    while ((newline = pending.indexOf('\n', start)) >= 0) {
      each(pending.slice(start, newline), ++line);
      start = newline + 1;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') each(pending, ++line);
  return line;
}

/** Reads NDJSON tickets, one per line, into `sink`; returns the number of lines read. */
export function readNdjsonRows(file: string, chunks: AsyncIterable<string>, clock: JsonReading, stats: IngestStats, sink: Sink): Promise<number> {
  const write = zendeskTicketWriter(clock, stats, sink.builder);
  return eachLine(chunks, (text, line) => {
    // A ticket line starts with its brace: only another line can be blank.
    if (text.charCodeAt(0) !== 0x7b && text.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      sink.reject({ file, line, message: 'not valid JSON (NDJSON wants one ticket object per line)' });
      return;
    }
    acceptJsonTicket(parsed, undefined, { file, line }, write, sink);
  });
}

export interface JsonPlace {
  file: string;
  line?: number;
  /** Where in a JSON document, e.g. `tickets[3]`. */
  path?: string;
}

/** Writes a JSON ticket with `write` (made for `sink`'s builder) and keeps it, or rejects it with its place. */
export function acceptJsonTicket(raw: unknown, metricSet: Record<string, unknown> | undefined, place: JsonPlace, write: ZendeskTicketWriter, sink: Sink): void {
  try {
    sink.builder.startRow();
    write(raw, metricSet);
  } catch (error) {
    sink.reject(rowProblem(error, place));
    return;
  }
  sink.acceptRow();
}

/**
 * The problem of a row a CellError spoiled, its column after the place's JSON path; any other
 * error is a bug, not bad input, and is thrown on.
 */
function rowProblem(error: unknown, place: JsonPlace): RowProblem {
  if (!(error instanceof CellError)) throw error;
  const column = error instanceof RowError ? error.column : undefined;
  const field = [place.path, column].filter(Boolean).join('.') || undefined;
  return { file: place.file, ...(place.line ? { line: place.line } : {}), ...(field ? { field } : {}), message: error.message };
}
