import { InputError } from '../cli/errors.js';
import { TicketTableBuilder, type TicketTable } from '../model/table.js';
import type { Ticket } from '../model/ticket.js';
import { bindHeaders, csvFormatById, detectCsvFormat, normaliseHeader, withColumnMap, type ColumnBinding } from './bind.js';
import { readCsv } from './csv-reader.js';
import { newIngestStats, type IngestStats } from './derive.js';
import type { FormatId, TicketField } from './formats.js';
import { jsonErrorPlace } from './json-place.js';
import { openText, type SourceSpec, type TextSource } from './source.js';
import { CellError, RowError } from './values.js';
import { ticketFromZendeskJson, zendeskDocumentTickets } from './zendesk-json.js';

export interface LoadOptions {
  /** Zone for timestamps written without an offset. */
  tz: string;
  inputFormat?: FormatId;
  map?: Partial<Record<TicketField, string>>;
  /**
   * A standing column map (the config file's): each entry applies only where the file has that
   * column, so one config serves a custom CSV and the helpdesk's own exports alike. `map` beats it.
   */
  configMap?: Partial<Record<TicketField, string>>;
  /** Stop at the first malformed row instead of skipping it. */
  strict?: boolean;
  /** Keep tickets created in [from, to) (epoch ms). */
  from?: number;
  to?: number;
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

/** Progress is reported every 2^13 rows: often enough for a live display, rarely enough to cost nothing. */
const PROGRESS_EVERY = 8191;

export interface RowProblem {
  file: string;
  /** Line of a CSV record or NDJSON ticket; absent inside a JSON document (the field path says where). */
  line?: number;
  field?: string;
  message: string;
}

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

interface Sink {
  accept(ticket: Ticket): void;
  reject(problem: RowProblem): void;
}

/** Reads every export into one table, de-duplicating tickets by id across files. */
export async function loadExports(sources: SourceSpec[], options: LoadOptions): Promise<LoadResult> {
  const builder = new TicketTableBuilder();
  const stats = newIngestStats();
  const files: FileReport[] = [];
  let outsidePeriod = 0;
  for (const spec of sources) {
    const report: FileReport = { file: spec.name, format: 'generic-csv', label: '', columns: [], unmapped: [], rows: 0, skipped: 0 };
    let source: TextSource | undefined;
    const progress = (done: boolean): void => {
      if (!options.onProgress || !source) return;
      const size = source.size;
      options.onProgress({ file: spec.name, rows: report.rows, bytes: source.bytesRead(), ...(size !== undefined ? { size } : {}), done });
    };
    const sink: Sink = {
      accept(ticket) {
        if ((++report.rows & PROGRESS_EVERY) === 0) progress(false);
        if ((options.from !== undefined && ticket.createdAt < options.from) || (options.to !== undefined && ticket.createdAt >= options.to)) {
          outsidePeriod++;
          return;
        }
        builder.upsert(ticket);
      },
      reject(problem) {
        if ((++report.rows & PROGRESS_EVERY) === 0) progress(false);
        report.skipped++;
        if (options.strict) {
          throw new InputError(problem.file, `${problem.message} (--strict stops at the first malformed row)`, problem.line, problem.field);
        }
        options.onProblem?.(problem);
      },
    };
    source = await openText(spec);
    if (looksLikeJson(source.head) && !isCsvFormat(options.inputFormat)) {
      Object.assign(report, { format: 'zendesk-json', label: 'Zendesk JSON' });
      await readJson(source, options.tz, stats, sink);
    } else {
      Object.assign(report, await readCsvExport(source, options, stats, sink));
    }
    progress(true);
    if (report.rows === 0) throw new InputError(spec.name, 'has no tickets, only a header');
    files.push(report);
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

/** The entries of a column map whose column is in the header. */
function presentColumns(map: LoadOptions['configMap'], header: readonly string[]): Partial<Record<TicketField, string>> {
  const keys = new Set(header.map((h) => normaliseHeader(h).key));
  return Object.fromEntries(Object.entries(map ?? {}).filter(([, column]) => keys.has(normaliseHeader(column!).key)));
}

async function readCsvExport(
  source: TextSource,
  options: LoadOptions,
  stats: IngestStats,
  sink: Sink,
): Promise<Pick<FileReport, 'format' | 'label' | 'columns' | 'unmapped'>> {
  const csv = await readCsv(source, (problem) => sink.reject({ file: source.name, ...problem }));
  if (!csv) throw new InputError(source.name, 'is empty');
  const detected = options.inputFormat ? csvFormatById(options.inputFormat) : detectCsvFormat(csv.header);
  const map = { ...presentColumns(options.configMap, csv.header), ...options.map };
  const hasMap = Object.keys(map).length > 0;
  if (!detected && !hasMap) {
    const hint = csv.header.length <= 1 ? ' (only one column: is the delimiter right?)' : '';
    throw new InputError(source.name, `not a recognised export (missing a created-at column)${hint}; use --input-format or --map`);
  }
  const format = hasMap ? withColumnMap(detected, map) : detected!;
  let binding;
  try {
    binding = bindHeaders(format, csv.header, options.tz, stats);
  } catch (error) {
    throw new InputError(source.name, `not a recognised ${format.label} (${(error as Error).message}); use --input-format or --map`);
  }
  const width = csv.header.length;
  csv.only(binding.columns.map((c) => c.index));
  await csv.eachRecord((fields, line) => {
    if (fields.length < width || (fields.length > width && fields.slice(width).some((f) => f.trim() !== ''))) {
      sink.reject({ file: source.name, line, message: `has ${fields.length} fields, the header has ${width}` });
      return;
    }
    try {
      sink.accept(binding.readRow(fields));
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      const field = error instanceof RowError ? error.column : undefined;
      sink.reject({ file: source.name, line, ...(field ? { field } : {}), message: error.message });
    }
  });
  return { format: binding.format, label: binding.label, columns: binding.columns, unmapped: binding.unmapped };
}

/**
 * Calls `each` for every line of the decoded chunks with its 1-based number. Lines are handed
 * out synchronously within a chunk: an await per line cost more than parsing a million of them.
 */
async function eachLine(chunks: AsyncIterable<string>, each: (text: string, line: number) => void): Promise<void> {
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
}

/**
 * Zendesk JSON: NDJSON (one ticket per line, the full export) is streamed line by line; a JSON
 * document (an API page: `{"tickets": [...]}`) is parsed whole, as the API pages it at 100–1000.
 */
async function readJson(source: TextSource, tz: string, stats: IngestStats, sink: Sink): Promise<void> {
  if (isNdjsonTicket(source.head.split('\n', 1)[0]!)) {
    await eachLine(source.chunks, (text, line) => {
      if (text.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        sink.reject({ file: source.name, line, message: 'not valid JSON (NDJSON wants one ticket object per line)' });
        return;
      }
      acceptJsonTicket(parsed, undefined, { file: source.name, line }, tz, stats, sink);
    });
    return;
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
  found.tickets.forEach((raw, index) => {
    const id = (raw as { id?: unknown })?.id;
    acceptJsonTicket(raw, found.metricSets.get(String(id)), { file: source.name, path: `tickets[${index}]` }, tz, stats, sink);
  });
}

interface JsonPlace {
  file: string;
  line?: number;
  /** Where in a JSON document, e.g. `tickets[3]`. */
  path?: string;
}

function acceptJsonTicket(
  raw: unknown,
  metricSet: Record<string, unknown> | undefined,
  place: JsonPlace,
  tz: string,
  stats: IngestStats,
  sink: Sink,
): void {
  try {
    sink.accept(ticketFromZendeskJson(raw, metricSet, tz, stats));
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    const column = error instanceof RowError ? error.column : undefined;
    const field = [place.path, column].filter(Boolean).join('.') || undefined;
    sink.reject({ file: place.file, ...(place.line ? { line: place.line } : {}), ...(field ? { field } : {}), message: error.message });
  }
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
