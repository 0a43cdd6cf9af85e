import type { FieldCell, TicketTableBuilder } from '../model/table.js';
import { isValidTimeZone } from '../model/time.js';
import type { CsvRecord } from './csv-tokenizer.js';
import { CSV_FORMATS, GENERIC_READERS, type CellReader, type CsvFieldSpec, type CsvFormat, type FormatId, type TicketField } from './formats.js';
import { checkTimes, countUnrecognised, type IngestStats, type ReadingClock } from './derive.js';
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
  /**
   * A reader of records into the row `builder` is writing (see TicketTableBuilder.startRow): it
   * starts the row, fills it and checks it, throwing a CellError for a row to skip; the caller
   * commits it. `record` must have at least the header's width.
   */
  rowReader(builder: TicketTableBuilder): (record: CsvRecord) => void;
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
  const readers: ColumnReader[] = [];
  for (const spec of format.fields) {
    if (readers.some((r) => r.field === spec.field) || omit.includes(spec.field)) continue;
    for (const header of spec.headers) {
      const index = indexByKey.get(normaliseHeader(header).key);
      if (index === undefined) continue;
      const zone = normalised[index]!.zone;
      columns.push({ field: spec.field, column: headers[index]!.trim(), index, ...(zone ? { zone } : {}) });
      readers.push({ field: spec.field, index, read: spec.read, zone: zone ?? clock.tz, column: headers[index]! });
      break;
    }
  }
  const bound = new Set(readers.map((r) => r.field));
  if (!bound.has('createdAt')) throw new Error('missing a created-at column');
  if (!bound.has('id')) throw new Error('missing a ticket id column');
  const unmapped = Object.keys(GENERIC_READERS).filter((f) => !bound.has(f as TicketField)) as TicketField[];
  const unrecognised: Partial<Record<TicketField, Map<string, number>>> = { status: stats.unrecognisedStatus, priority: stats.unrecognisedPriority };
  const channelIndex = readers.find((r) => r.field === 'channel')?.index;

  return {
    format: format.id,
    label: format.label,
    columns,
    unmapped,
    rowReader(builder) {
      // Plain arrays by column, read once per row: properties of the readers themselves
      // (functions of several shapes) made every row's loop look them up the slow way.
      const stores = readers.map((r) => (builder.cells[r.field] as FieldCell<unknown>).set);
      const inPlace = readers.map((r) => r.read.at);
      const indexes = readers.map((r) => r.index);
      const zones = readers.map((r) => r.zone);
      const counts = readers.map((r) => unrecognised[r.field]);
      const memos = readers.map((r) => (r.read.few ? new Map<string, unknown>() : undefined));
      const columnCount = readers.length;
      return (record) => {
        builder.startRow();
        const { text, starts, ends, escaped } = record;
        for (let i = 0; i < columnCount; i++) {
          const index = indexes[i]!;
          const at = inPlace[i];
          if (at !== undefined && escaped[index] === 0) {
            const value = at(text, starts[index]!, ends[index]!, zones[i]!);
            if (!Number.isNaN(value)) {
              stores[i]!(value);
              continue;
            }
          }
          const raw = record.field(index)!;
          const memo = memos[i];
          let value = memo?.get(raw);
          if (value === undefined) {
            value = readCell(readers[i]!, raw);
            if (memo !== undefined && memo.size < FEW_VALUES) memo.set(raw, value ?? NO_VALUE);
          }
          if (value !== undefined && value !== NO_VALUE) stores[i]!(value);
          else if (counts[i] !== undefined) countUnrecognised(counts[i]!, raw);
        }
        if (!builder.pendingHasId) throw new RowError('empty ticket id', columnOf(columns, 'id'));
        const createdAt = builder.pending('createdAt');
        if (Number.isNaN(createdAt)) throw new RowError('empty created-at date', columnOf(columns, 'createdAt'));
        if (channelIndex !== undefined) {
          const raw = record.field(channelIndex);
          if (!isEmptyCell(raw)) builder.cells.channelRaw.set(raw.trim());
        }
        checkTimes(createdAt, builder.pending('firstReplyAt'), builder.pending('solvedAt'), stats, clock.now);
      };
    },
  };
}

/** Distinct cells remembered per `few` column: enough for every spelling of a status or channel. */
const FEW_VALUES = 256;
/** A remembered reading that gave no value. */
const NO_VALUE = Symbol('no value');

/** Reads a cell with its column's reader; a bad cell's error names the column. */
function readCell({ read, zone, column }: ColumnReader, raw: string): unknown {
  try {
    return read(raw, zone);
  } catch (error) {
    if (error instanceof CellError) throw new RowError(error.message, column);
    throw error;
  }
}

/** One bound column: where its cells are and how they are read. */
interface ColumnReader {
  field: TicketField;
  index: number;
  read: CellReader;
  zone: string;
  /** The header as written, for messages. */
  column: string;
}

const columnOf = (columns: ColumnBinding[], field: TicketField): string | undefined =>
  columns.find((c) => c.field === field)?.column;
