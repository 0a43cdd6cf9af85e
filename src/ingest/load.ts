import { availableParallelism } from 'node:os';
import { InputError } from '../errors.js';
import { TicketTableBuilder, type TicketTable } from '../model/table.js';
import type { ColumnBinding } from './bind.js';
import { readCsv } from './csv-reader.js';
import { addIngestStats, newIngestStats, type IngestStats } from './derive.js';
import type { FormatId, TicketField } from './formats.js';
import { jsonErrorPlace } from './json-place.js';
import { startPartWorker, type PartRead, type PartResult, type PartWorker } from './part.js';
import { acceptJsonTicket, addRowCounts, bindCsv, expectRows, newRowCounts, readCsvRows, readNdjsonRows, tableSink, type RowCounts, type RowOptions, type RowProblem, type Sink } from './rows.js';
import { openText, openTextFrom, type SourceSpec, type TextSource } from './source.js';
import { findSplit, type SplitKind } from './split.js';
import { zendeskDocumentTickets, zendeskTicketWriter } from './zendesk-json.js';

export type { RowProblem } from './rows.js';

/** What loading needs; the moment of reading is taken when it starts. */
export interface LoadOptions extends Omit<RowOptions, 'now'> {
  /** Stop at the first malformed row instead of skipping it. */
  strict?: boolean;
  /**
   * Threads that may read one large file (default: the machine's available parallelism). A
   * plain CSV or NDJSON file of at least `parallelFrom` bytes is read in two parts at once.
   */
  threads?: number;
  /** Smallest file, in bytes, worth a second thread (default 32 MB). */
  parallelFrom?: number;
  /**
   * Wait for the second thread to start before reading on, instead of reading while it starts
   * (tests: a small file is otherwise read whole before the second thread is ready for its part).
   */
  splitBeforeReading?: boolean;
  /** Called for each skipped row, as it happens. */
  onProblem?: (problem: RowProblem) => void;
  /** Called every few thousand rows and once at the end of each file. */
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  file: string;
  /** Rows read from this file so far. */
  rows: number;
  /** Bytes read from this file so far (compressed bytes for gzip). */
  bytes: number;
  /** The file's size in bytes; absent for stdin. */
  size?: number;
  /** True once the file is read to its end. */
  done: boolean;
}

/**
 * Below this a second thread costs more than it saves: starting one and loading csops into it
 * takes about a tenth of a second, the time one thread reads ~10 MB.
 */
const PARALLEL_FROM = 32 * 1024 * 1024;

export interface FileReport {
  file: string;
  format: FormatId;
  label: string;
  /** CSV inputs: which column feeds which field. */
  columns: ColumnBinding[];
  /** Canonical fields this file cannot provide. */
  unmapped: TicketField[];
  rows: number;
  skipped: number;
  /** Threads that read the file: 2 when a second one read its later part. */
  threads: 1 | 2;
}

export interface LoadResult {
  table: TicketTable;
  files: FileReport[];
  rows: number;
  skipped: number;
  duplicates: number;
  /** Tickets dropped by --from/--to. */
  outsidePeriod: number;
  stats: IngestStats;
}

/** The load's options and the moment it began, one for every file and thread. */
type Reading = LoadOptions & RowOptions;

/** One file being read: its counts, and the second thread reading its later part, if any. */
interface FileRead {
  source: TextSource;
  counts: RowCounts;
  sink: Sink;
  /** A worker started for the later part, until it is given one or stopped. */
  worker?: PartWorker;
  /** The worker reading from byte `start` to the end, while this thread reads up to it. */
  part?: { read: PartRead; start: number };
  /** Set once this thread has read its part: no part may start after that. */
  finished: boolean;
  /** Bytes read by a worker that has finished. */
  partBytes: number;
}

/** Reads every export into one table, de-duplicating tickets by id across files. */
export async function loadExports(sources: SourceSpec[], loadOptions: LoadOptions): Promise<LoadResult> {
  const options: Reading = { ...loadOptions, now: Date.now() };
  const builder = new TicketTableBuilder(options.omit);
  const stats = newIngestStats();
  const files: FileReport[] = [];
  let outsidePeriod = 0;
  for (const spec of sources) {
    const source = await openText(spec);
    const counts = newRowCounts();
    const progress = (done: boolean): void => {
      if (!options.onProgress) return;
      const { size } = source;
      const part = file.part?.read.progress ?? { rows: 0, bytes: file.partBytes };
      const bytes = source.bytesRead() + part.bytes;
      options.onProgress({ file: spec.name, rows: file.counts.rows + part.rows, bytes, ...(size !== undefined ? { size } : {}), done });
    };
    const onProblem = (problem: RowProblem): void => {
      if (options.strict) throw new InputError(problem.file, `${problem.message} (--strict stops at the first malformed row)`, problem.line, problem.field);
      options.onProblem?.(problem);
    };
    const onRows = (): void => {
      if (source.size !== undefined) expectRows(builder, file.counts, source.bytesRead(), source.size - source.bytesRead());
      progress(false);
    };
    const sink = tableSink(builder, options, counts, onProblem, onRows);
    const file: FileRead = { source, counts, sink, partBytes: 0, finished: false };
    let report: Pick<FileReport, 'format' | 'label' | 'columns' | 'unmapped'>;
    let linesBeforePart: number;
    try {
      if (looksLikeJson(source.head) && !isCsvFormat(options.inputFormat)) {
        report = { format: 'zendesk-json', label: 'Zendesk JSON', columns: [], unmapped: [] };
        linesBeforePart = await readJson(file, options, stats);
      } else {
        ({ report, linesBeforePart } = await readCsvExport(file, options, stats));
      }
    } catch (error) {
      file.part?.read.cancel();
      throw error;
    } finally {
      file.finished = true;
      // Started, never given a part: this thread read the whole file first.
      if (!file.part) file.worker?.stop();
    }
    const threads = file.part ? 2 : 1;
    if (file.part) {
      const part = await file.part.read.result;
      file.part = undefined;
      file.partBytes = part.bytes;
      mergePart(builder, stats, file.counts, part, linesBeforePart, onProblem);
    }
    progress(true);
    if (file.counts.rows === 0) throw new InputError(spec.name, 'has no tickets, only a header');
    files.push({ file: spec.name, ...report, rows: file.counts.rows, skipped: file.counts.skipped, threads });
    outsidePeriod += file.counts.outsidePeriod;
  }
  const rows = files.reduce((sum, f) => sum + f.rows, 0);
  const skipped = files.reduce((sum, f) => sum + f.skipped, 0);
  return { table: builder.build(), files, rows, skipped, duplicates: builder.duplicates, outsidePeriod, stats };
}

const isCsvFormat = (format: FormatId | undefined): boolean => format !== undefined && format !== 'zendesk-json';

function looksLikeJson(head: string): boolean {
  const first = head.trimStart()[0];
  return first === '{' || first === '[';
}

/**
 * Hands the later part of a large plain file to a worker thread, when it is worth one: this
 * thread then reads only up to where the worker starts. The worker starts now and this thread
 * reads on; the file is split once the worker is ready, in the middle of what this thread has not
 * read by then, so both halves start together (split at once, this thread waited 0.15–0.55 s for
 * the worker's half of the 1M-ticket CSV, the time the worker took to start). The caller must
 * confirm that its own reading ends exactly on a record there (see findSplit), or cancel the part
 * and read on.
 */
async function startPart(file: FileRead, split: SplitKind, options: Reading): Promise<void> {
  const { plain, size } = file.source;
  const threads = options.threads ?? availableParallelism();
  if (!plain || size === undefined || options.strict || threads < 2 || size < (options.parallelFrom ?? PARALLEL_FROM)) return;
  // The worker gets what reading rows needs; callbacks cannot cross threads.
  const { strict: _strict, threads: _threads, parallelFrom: _parallelFrom, splitBeforeReading, onProblem: _onProblem, onProgress: _onProgress, ...rowOptions } = options;
  const worker = (file.worker = startPartWorker());
  const splitWhenReady = async (): Promise<void> => {
    await worker.ready;
    if (file.finished) return;
    const start = await findSplit(plain.path, file.source.bytesRead(), size, split);
    // This thread read on meanwhile: it may be past the split, or done.
    if (start === undefined || file.finished || start <= file.source.bytesRead()) return;
    plain.stopAt(start);
    file.part = { read: worker.read({ file: file.source.name, path: plain.path, start, size, options: rowOptions, split }), start };
  };
  // When the worker fails to start or no split is found, this thread reads the whole file.
  const splitting = splitWhenReady().catch(() => undefined);
  if (splitBeforeReading) await splitting;
}

/** Adds a worker's rows after this thread's: its problems with their lines in the whole file. */
function mergePart(
  builder: TicketTableBuilder,
  stats: IngestStats,
  counts: RowCounts,
  part: PartResult,
  linesBefore: number,
  onProblem: (problem: RowProblem) => void,
): void {
  for (const problem of part.problems) onProblem(problem.line === undefined ? problem : { ...problem, line: problem.line + linesBefore });
  builder.append(part.table);
  addRowCounts(counts, part.counts);
  addIngestStats(stats, part.stats);
}

/** The source's text, then, if `more` gives any, the text after it. */
async function* followedBy(first: AsyncIterable<string>, more: () => AsyncIterable<string> | undefined): AsyncGenerator<string> {
  yield* first;
  const rest = more();
  if (rest) yield* rest;
}

/** Reads a CSV export; returns what it found and the lines before a worker's part. */
async function readCsvExport(
  file: FileRead,
  options: Reading,
  stats: IngestStats,
): Promise<{ report: Pick<FileReport, 'format' | 'label' | 'columns' | 'unmapped'>; linesBeforePart: number }> {
  const { source, sink } = file;
  // When a worker reads the later part, this thread's text stops where the worker starts; if the
  // text read by then does not end on a whole record, the split was inside a quoted field: the
  // worker is stopped and this thread reads on to the end.
  const chunks = followedBy(source.chunks, () => {
    if (!file.part || csv!.atRecordBoundary()) return undefined;
    file.part.read.cancel();
    const rest = openTextFrom(source.name, source.plain!.path, file.part.start);
    const bytesBefore = source.bytesRead;
    source.bytesRead = () => bytesBefore() + rest.bytesRead();
    file.part = undefined;
    return rest.chunks;
  });
  const csv = await readCsv({ ...source, chunks }, (problem) => sink.reject({ file: source.name, ...problem }));
  if (!csv) throw new InputError(source.name, 'is empty');
  const binding = bindCsv(source.name, csv.header, options, stats);
  await startPart(file, { kind: 'csv', layout: csv.layout() }, options);
  await readCsvRows(source.name, csv, binding, sink);
  const report = { format: binding.format, label: binding.label, columns: binding.columns, unmapped: binding.unmapped };
  return { report, linesBeforePart: csv.nextLine() - 1 };
}

/**
 * Zendesk JSON: NDJSON (one ticket per line, the full export) is streamed line by line; a JSON
 * document (an API page: `{"tickets": [...]}`) is parsed whole, as the API pages it at 100–1000.
 * Returns the lines read (the lines before a worker's part).
 */
async function readJson(file: FileRead, options: Reading, stats: IngestStats): Promise<number> {
  const { source, sink } = file;
  if (isNdjsonTicket(source.head.split('\n', 1)[0]!)) {
    // Every line break of NDJSON ends a record, so the split needs no confirming.
    await startPart(file, { kind: 'ndjson' }, options);
    return readNdjsonRows(source.name, source.chunks, options, stats, sink);
  }
  let text = '';
  for await (const chunk of source.chunks) text += chunk;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw jsonSyntaxError(source.name, text, error as Error);
  }
  const found = zendeskDocumentTickets(document);
  if (typeof found === 'string') throw new InputError(source.name, found);
  const write = zendeskTicketWriter(options, stats, sink.builder);
  found.tickets.forEach((raw, index) => {
    const id = (raw as { id?: unknown })?.id;
    acceptJsonTicket(raw, found.metricSets.get(String(id)), { file: source.name, path: `tickets[${index}]` }, write, sink);
  });
  return 0;
}

/** NDJSON when the first line alone is a ticket object; a document otherwise. */
function isNdjsonTicket(firstLine: string): boolean {
  try {
    const value: unknown = JSON.parse(firstLine);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'id' in value;
  } catch {
    return false;
  }
}

function jsonSyntaxError(file: string, text: string, error: Error): InputError {
  const { detail, line, column } = jsonErrorPlace(text, error);
  if (line === undefined) return new InputError(file, `is not valid JSON: ${detail}`);
  return new InputError(file, `is not valid JSON at column ${column}: ${detail}`, line);
}
