import type { Ticket } from '../model/ticket.js';
import { isValidTimeZone } from '../model/time.js';
import { CSV_FORMATS, GENERIC_READERS, type CsvFieldSpec, type CsvFormat, type FormatId, type TicketField } from './formats.js';
import { blankTicket, finishTicket, type IngestStats, type ReadingClock } from './derive.js';
import { FIELD_SETTERS, type FieldSetter } from './field-setters.js';
import { CellError, isEmptyCell, RowError } from './values.js';

export interface ColumnBinding {
  field: TicketField;
  column: string;
  index: number;
  /** Zone taken from the header (Intercom writes "Created at (Europe/Berlin)"). */
  zone?: string;
}

export interface HeaderBinding {
  format: FormatId;
  label: string;
  columns: ColumnBinding[];
  /** Fields of the canonical ticket that no column provides. */
  unmapped: TicketField[];
  readRow(record: readonly string[]): Ticket;
}

interface NormalisedHeader {
  key: string;
  zone?: string;
}

/** Lower-case, single spaces, and Intercom's trailing "(Area/City)" zone split off. */
export function normaliseHeader(header: string): NormalisedHeader {
  let key = header.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ');
  let zone: string | undefined;
  const zoned = /^(.*?)\s*\(([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC)\)$/.exec(key);
  if (zoned && isValidTimeZone(zoned[2]!)) {
    key = zoned[1]!;
    zone = zoned[2]!;
  }
  return zone ? { key: key.toLowerCase(), zone } : { key: key.toLowerCase() };
}

export function detectCsvFormat(headers: readonly string[]): CsvFormat | undefined {
  const keys = new Set(headers.map((h) => normaliseHeader(h).key));
  return CSV_FORMATS.find((format) => format.signature.every((s) => keys.has(s)));
}

export function csvFormatById(id: FormatId): CsvFormat | undefined {
  return CSV_FORMATS.find((format) => format.id === id);
}

/** A column map (`--map createdAt="Opened"`) as a format, layered over `base` when given. */
export function withColumnMap(base: CsvFormat | undefined, map: Readonly<Partial<Record<TicketField, string>>>): CsvFormat {
  const mapped: CsvFieldSpec[] = Object.entries(map).map(([field, column]) => ({
    field: field as TicketField,
    headers: [column!],
    read: GENERIC_READERS[field as TicketField],
  }));
  const overridden = new Set(mapped.map((spec) => spec.field));
  const inherited = (base?.fields ?? []).filter((spec) => !overridden.has(spec.field));
  return {
    id: base?.id ?? 'generic-csv',
    label: base ? `${base.label} with a column map` : 'CSV with a column map',
    signature: base?.signature ?? [],
    fields: [...mapped, ...inherited],
  };
}

/**
 * Binds a header row to a format, leaving out the `omit` fields. Throws a plain Error naming what
 * is missing when the file has no id or created-at column; the caller adds the file name.
 */
export function bindHeaders(
  format: CsvFormat,
  headers: readonly string[],
  clock: ReadingClock,
  stats: IngestStats,
  omit: readonly TicketField[] = [],
): HeaderBinding {
  const normalised = headers.map(normaliseHeader);
  const indexByKey = new Map<string, number>();
  normalised.forEach((h, i) => {
    if (!indexByKey.has(h.key)) indexByKey.set(h.key, i);
  });
  const columns: ColumnBinding[] = [];
  const readers: { index: number; spec: CsvFieldSpec; zone: string; store: FieldSetter }[] = [];
  const bound = new Set<TicketField>();
  for (const spec of format.fields) {
    if (bound.has(spec.field) || omit.includes(spec.field)) continue;
    for (const header of spec.headers) {
      const index = indexByKey.get(normaliseHeader(header).key);
      if (index === undefined) continue;
      const zone = normalised[index]!.zone;
      columns.push({ field: spec.field, column: headers[index]!.trim(), index, ...(zone ? { zone } : {}) });
      readers.push({ index, spec, zone: zone ?? clock.tz, store: FIELD_SETTERS[spec.field] });
      bound.add(spec.field);
      break;
    }
  }
  if (!bound.has('createdAt')) throw new Error('missing a created-at column');
  if (!bound.has('id')) throw new Error('missing a ticket id column');
  const unmapped = Object.keys(GENERIC_READERS).filter((f) => !bound.has(f as TicketField)) as TicketField[];
  const statusIndex = readers.find((r) => r.spec.field === 'status')?.index;
  const priorityIndex = readers.find((r) => r.spec.field === 'priority')?.index;
  const channelIndex = readers.find((r) => r.spec.field === 'channel')?.index;

  return {
    format: format.id,
    label: format.label,
    columns,
    unmapped,
    readRow(record) {
      const ticket = blankTicket();
      for (const { index, spec, zone, store } of readers) {
        const raw = record[index];
        let value: unknown;
        try {
          value = spec.read(raw, zone);
        } catch (error) {
          if (error instanceof CellError) throw new RowError(error.message, headers[index]);
          throw error;
        }
        if (value !== undefined) store(ticket, value);
      }
      if (ticket.id === undefined) throw new RowError('empty ticket id', columnOf(columns, 'id'));
      if (ticket.createdAt === undefined) throw new RowError('empty created-at date', columnOf(columns, 'createdAt'));
      noteUnrecognised(stats.unrecognisedStatus, record, statusIndex, ticket.status);
      noteUnrecognised(stats.unrecognisedPriority, record, priorityIndex, ticket.priority);
      if (channelIndex !== undefined && !isEmptyCell(record[channelIndex])) ticket.channelRaw = record[channelIndex]!.trim();
      return finishTicket(ticket as Ticket, stats, clock.now);
    },
  };
}

const columnOf = (columns: ColumnBinding[], field: TicketField): string | undefined =>
  columns.find((c) => c.field === field)?.column;

function noteUnrecognised(
  counts: Map<string, number>,
  record: readonly string[],
  index: number | undefined,
  value: unknown,
): void {
  if (index === undefined || value !== undefined) return;
  const raw = record[index];
  if (isEmptyCell(raw)) return;
  counts.set(raw.trim(), (counts.get(raw.trim()) ?? 0) + 1);
}
