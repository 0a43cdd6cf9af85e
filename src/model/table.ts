import { plainIntegerAt } from './digits.js';
import {
  CHANNELS,
  PRIORITIES,
  SATISFACTION_STATES,
  STATUSES,
  type Channel,
  type Priority,
  type Status,
  type Ticket,
} from './ticket.js';

/**
 * Tickets stored by column. Numbers live in typed arrays with NaN for "missing", enums as
 * small integer codes (-1 missing) and repeated strings (agents, groups…) dictionary-encoded,
 * so a million tickets cost a few dozen bytes each instead of one object apiece.
 */
export interface TicketTable {
  readonly length: number;
  /** See ticketId. */
  readonly id: TicketIds;
  readonly createdAt: NumberColumn;
  readonly firstReplyAt: NumberColumn;
  readonly solvedAt: NumberColumn;
  readonly updatedAt: NumberColumn;
  readonly firstReplyMinutes: NumberColumn;
  readonly firstResolutionMinutes: NumberColumn;
  readonly fullResolutionMinutes: NumberColumn;
  readonly firstReplyMinutesBusiness: NumberColumn;
  readonly fullResolutionMinutesBusiness: NumberColumn;
  readonly handleMinutes: NumberColumn;
  readonly replies: NumberColumn;
  readonly reopens: NumberColumn;
  /** Index into STATUSES, -1 when unknown. */
  readonly status: Int8Array;
  /** Index into PRIORITIES, -1 when unknown. */
  readonly priority: Int8Array;
  /** Index into CHANNELS, -1 when unknown. */
  readonly channel: Int8Array;
  readonly channelRaw: DictionaryColumn;
  readonly assignee: DictionaryColumn;
  readonly group: DictionaryColumn;
  readonly requester: DictionaryColumn;
  /** Email or name of the requester: personal data, kept apart from the id and shown only on request. */
  readonly requesterContact: DictionaryColumn;
  readonly organization: DictionaryColumn;
  readonly tags: ReadonlyArray<readonly string[] | undefined>;
  /** Satisfaction kind, see SatisfactionKind. */
  readonly satisfactionKind: Uint8Array;
  /** Numeric satisfaction score when satisfactionKind is Score15 or Score010, else NaN. */
  readonly satisfactionScore: NumberColumn;
}

/**
 * Ticket ids: as numbers when every id is a plain integer, as every helpdesk's is (8 bytes a
 * ticket, where a string each cost ~40), else as text.
 */
export type TicketIds = { readonly numeric: NumberColumn } | { readonly text: readonly string[] };

/**
 * A column of numbers, NaN where missing. Whole minutes, counts and ids below 2^24 are what
 * most exports hold, and a Float32Array holds those exactly in half the memory; a column
 * switches to a Float64Array at its first value that needs one (see GrowableColumn), so every
 * value reads back as the exact number written. Never write a computed value into a copy of
 * one made with `slice()`, which stays a Float32Array: copy it into a Float64Array first.
 */
export type NumberColumn = Float64Array | Float32Array;

/** The smallest and largest value of a column, missing values skipped; Infinity and -Infinity when it has none. */
export function valueRange(column: NumberColumn): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Dictionary codes: Int16 while a dictionary has at most 32,767 values, as agents and groups do. */
export type CodeColumn = Int32Array | Int16Array;

export const ticketId = (table: TicketTable, row: number): string =>
  'numeric' in table.id ? String(table.id.numeric[row]) : table.id.text[row]!;

/**
 * Fields a command may leave unread: their cells never make a row malformed, so leaving them out
 * changes no count, only what the table holds (a million requester ids and addresses, for one).
 */
export const OMITTABLE_FIELDS = ['requester', 'requesterContact', 'organization', 'tags'] as const;
export type OmittableField = (typeof OMITTABLE_FIELDS)[number];

export interface DictionaryColumn {
  /** Code per row into values; -1 when the row has no value. */
  readonly codes: CodeColumn;
  readonly values: readonly string[];
}

export const SatisfactionKind = {
  None: 0,
  Offered: 1,
  Unoffered: 2,
  Good: 3,
  Bad: 4,
  Score15: 5,
  Score010: 6,
} as const;

export const dictionaryValue = (column: DictionaryColumn, row: number): string | undefined => {
  const code = column.codes[row]!;
  return code < 0 ? undefined : column.values[code];
};

const optionalNumber = (value: number): number | undefined => (Number.isNaN(value) ? undefined : value);

/** Materialise one row as a canonical ticket (for tests, replay and small consumers). */
export function ticketAt(table: TicketTable, row: number): Ticket {
  const ticket: Ticket = { id: ticketId(table, row), createdAt: table.createdAt[row]! };
  const set = <K extends keyof Ticket>(key: K, value: Ticket[K] | undefined): void => {
    if (value !== undefined) ticket[key] = value;
  };
  set('firstReplyAt', optionalNumber(table.firstReplyAt[row]!));
  set('solvedAt', optionalNumber(table.solvedAt[row]!));
  set('updatedAt', optionalNumber(table.updatedAt[row]!));
  set('firstReplyMinutes', optionalNumber(table.firstReplyMinutes[row]!));
  set('firstResolutionMinutes', optionalNumber(table.firstResolutionMinutes[row]!));
  set('fullResolutionMinutes', optionalNumber(table.fullResolutionMinutes[row]!));
  set('firstReplyMinutesBusiness', optionalNumber(table.firstReplyMinutesBusiness[row]!));
  set('fullResolutionMinutesBusiness', optionalNumber(table.fullResolutionMinutesBusiness[row]!));
  set('handleMinutes', optionalNumber(table.handleMinutes[row]!));
  set('replies', optionalNumber(table.replies[row]!));
  set('reopens', optionalNumber(table.reopens[row]!));
  const status = table.status[row]!;
  if (status >= 0) ticket.status = STATUSES[status];
  const priority = table.priority[row]!;
  if (priority >= 0) ticket.priority = PRIORITIES[priority];
  const channel = table.channel[row]!;
  if (channel >= 0) ticket.channel = CHANNELS[channel];
  set('channelRaw', dictionaryValue(table.channelRaw, row));
  set('assignee', dictionaryValue(table.assignee, row));
  set('group', dictionaryValue(table.group, row));
  set('requester', dictionaryValue(table.requester, row));
  set('requesterContact', dictionaryValue(table.requesterContact, row));
  set('organization', dictionaryValue(table.organization, row));
  set('tags', table.tags[row] ? [...table.tags[row]!] : undefined);
  const kind = table.satisfactionKind[row]!;
  if (kind >= SatisfactionKind.Offered && kind <= SatisfactionKind.Bad) {
    ticket.satisfaction = SATISFACTION_STATES[kind - 1];
  } else if (kind === SatisfactionKind.Score15 || kind === SatisfactionKind.Score010) {
    ticket.satisfaction = {
      score: table.satisfactionScore[row]!,
      scale: kind === SatisfactionKind.Score15 ? '1-5' : '0-10',
    };
  }
  return ticket;
}
type NumberArray = NumberColumn | CodeColumn | Int8Array | Uint8Array;

/** What a builder's columns share about its rows. */
interface BuilderRows {
  /** Rows the builder expects to hold in the end (see TicketTableBuilder.expectRows). */
  expected: number;
  /**
   * Rows from the next to be written up to this one hold `missing` in every column with values,
   * cleared a block at a time (see TicketTableBuilder.startRow).
   */
  clearedTo: number;
}

/** The array types of a column: `narrow` while every value `fits` it, then `wide` for good. */
interface ColumnTypes<T extends NumberArray> {
  wide: (length: number) => T;
  narrow?: { make: (length: number) => T; fits: (value: number) => boolean };
}

/**
 * A typed column that stays empty until its first value that is not `missing`: an export without
 * a field (most have no first-reply timestamp or handling time; `metrics` reads no requesters)
 * costs nothing for it. A column with a narrow type keeps it until a value does not fit.
 */
abstract class GrowableColumn<T extends NumberArray> {
  data: T;
  /**
   * Rows `data` has room for. Kept as a field: reading `length` off six kinds of typed array at one
   * place in the code is a slow, megamorphic lookup, and `set` runs for every cell.
   */
  private capacity = 0;
  /** Makes arrays of the column's current type. */
  private make: (length: number) => T;
  /** Whether a value fits the current type; undefined once the column is wide. */
  private fits: ((value: number) => boolean) | undefined;
  constructor(
    private readonly types: ColumnTypes<T>,
    /** The value of a row without one: NaN for numbers, -1 for codes. */
    readonly missing: number,
    private readonly rows: BuilderRows,
  ) {
    this.make = types.narrow?.make ?? types.wide;
    this.fits = types.narrow?.fits;
    this.data = this.make(0);
  }
  get empty(): boolean {
    return this.capacity === 0;
  }
  set(row: number, value: number): void {
    if (row >= this.capacity) {
      // `value !== value`: NaN, the missing number.
      if (this.empty && (value === this.missing || value !== value)) return;
      this.reserve(Math.max(this.capacity * 2, row + 1, 1024, this.rows.expected), row);
    }
    if (this.fits !== undefined && !this.fits(value)) this.widen(row);
    this.write(row, value);
  }
  /**
   * `data[row] = value`, in each subclass's own code: one store site that meets every array type
   * (six) would be megamorphic, and made loading a 1M-ticket CSV take 70% more CPU (measured).
   */
  protected abstract write(row: number, value: number): void;
  private use(data: T): void {
    this.data = data;
    this.capacity = data.length;
  }
  /**
   * Switches to the wide type, keeping the `rowsBefore` rows written and the rows cleared after
   * them (`value` among them, when given).
   */
  widen(rowsBefore: number, value?: number): void {
    if (this.fits === undefined || (value !== undefined && this.fits(value))) return;
    const wide = this.types.wide(this.capacity);
    wide.set(this.data.subarray(0, this.settledRows(rowsBefore, this.capacity)));
    this.use(wide);
    this.make = this.types.wide;
    this.fits = undefined;
  }
  /**
   * Room for `capacity` rows, `rowsBefore` of them written so far. Only those are copied or, in a
   * column still empty, filled with `missing`, and the rows cleared beyond them: later rows are
   * cleared a block at a time as they come, and memory the system gives for a large array is
   * only taken up once written, so capacity for rows expected later costs nothing until then.
   */
  reserve(capacity: number, rowsBefore: number): void {
    if (capacity <= this.capacity) return;
    const next = this.make(capacity);
    const settled = this.settledRows(rowsBefore, capacity);
    // Rows past the old array's end were never written: their cells were empty, so they are
    // missing like the rows cleared ahead.
    const copied = Math.min(this.capacity, settled);
    if (copied > 0) next.set(this.data.subarray(0, copied));
    next.fill(this.missing, copied, settled);
    this.use(next);
  }
  /**
   * Rows whose value is settled, within `capacity`: the `rowsBefore` written (a row whose cell was
   * empty is missing) and those cleared to `missing` ahead of them.
   */
  private settledRows(rowsBefore: number, capacity: number): number {
    return Math.min(capacity, Math.max(rowsBefore, this.rows.clearedTo));
  }
  /** Sets rows [from, to) to `missing`, when the column has values. */
  clear(from: number, to: number): void {
    if (this.empty) return;
    if (to > this.capacity) this.reserve(Math.max(this.capacity * 2, to, this.rows.expected), from);
    this.data.fill(this.missing, from, to);
  }
  /** Room for `length` more rows after the `at` written. */
  makeRoom(at: number, length: number): void {
    this.reserve(Math.max(at + length, this.rows.expected), at);
  }
  /**
   * Rows [at, at + length) from another column (a part read by another thread); `values`
   * undefined when none of them has a value.
   */
  append(at: number, values: T | undefined, length: number): void {
    if (values === undefined) {
      if (this.empty) return;
      this.makeRoom(at, length);
      this.data.fill(this.missing, at, at + length);
      return;
    }
    // The other thread's column went wide: so does this one.
    if (values.constructor !== this.data.constructor) this.widen(at);
    this.makeRoom(at, length);
    this.data.set(values, at);
  }
  /** The first `length` rows, or undefined when no row has a value. */
  filled(length: number): T | undefined {
    return this.empty ? undefined : (this.data.subarray(0, length) as T);
  }
}

class NumberColumnBuilder extends GrowableColumn<NumberColumn> {
  protected write(row: number, value: number): void {
    this.data[row] = value;
  }
}

class CodeColumnBuilder<T extends CodeColumn | Int8Array | Uint8Array> extends GrowableColumn<T> {
  protected write(row: number, value: number): void {
    this.data[row] = value;
  }
}

/** Float32 holds every whole number up to 2^24 exactly: minutes, counts and ids as exports write them. */
const fitsFloat32 = (value: number): boolean => Math.fround(value) === value || value !== value;
const NUMBER_TYPES: ColumnTypes<NumberColumn> = {
  wide: (n) => new Float64Array(n),
  narrow: { make: (n) => new Float32Array(n), fits: fitsFloat32 },
};
/** Timestamps in milliseconds never fit a Float32: no narrow start, no check per value. */
const TIMESTAMP_TYPES: ColumnTypes<NumberColumn> = { wide: (n) => new Float64Array(n) };
const CODE_TYPES: ColumnTypes<CodeColumn> = {
  wide: (n) => new Int32Array(n),
  narrow: { make: (n) => new Int16Array(n), fits: (code) => code <= 32767 },
};
const numberColumn = (rows: BuilderRows): NumberColumnBuilder => new NumberColumnBuilder(NUMBER_TYPES, Number.NaN, rows);
const timestampColumn = (rows: BuilderRows): NumberColumnBuilder => new NumberColumnBuilder(TIMESTAMP_TYPES, Number.NaN, rows);
const int8Column = (rows: BuilderRows): CodeColumnBuilder<Int8Array> => new CodeColumnBuilder({ wide: (n) => new Int8Array(n) }, -1, rows);

/** Rows cleared to `missing` at a time (see TicketTableBuilder.startRow). */
const CLEAR_BLOCK = 4096;

/** A bound on a guess of rows to come, far above any export (2^28 rows of Float64 is 2 GB). */
const MAX_EXPECTED_ROWS = 2 ** 28;

/** Arrays of missing values for columns no row fills, one per type and length, shared. */
class MissingColumns {
  private readonly made = new Map<string, NumberArray>();
  of<T extends NumberArray>(make: (length: number) => T, missing: number, length: number): T {
    const key = `${make(0).constructor.name} ${missing} ${length}`;
    let array = this.made.get(key);
    if (array === undefined) this.made.set(key, (array = make(length).fill(missing)));
    return array as T;
  }
}

/**
 * A flat copy of `text` that does not keep the text it was cut from alive. V8 represents a slice
 * of 13 characters or more as a view into its parent, so one stored e-mail address cut from a
 * 64 KB chunk of a CSV file holds the whole chunk: with a requester column, a 1M-ticket export
 * kept its entire text (~400 MB) in memory. The JSON round trip gives a string of its own, not a
 * view: slicing a concatenation (cheaper to make, tried before) gave a view into a fresh copy,
 * and every dictionary lookup that compared against it read two objects. With flat values,
 * loading the 1M-ticket CSV (200k distinct requester e-mails) took ~0.5 s less CPU (14.4 → 13.9 s).
 */
const ownString = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

class DictionaryBuilder {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  readonly codes: GrowableColumn<CodeColumn>;
  /** An omitted field's dictionary stays empty: every row gets "no value". */
  constructor(
    rows: BuilderRows,
    private readonly omitted = false,
  ) {
    this.codes = new CodeColumnBuilder(CODE_TYPES, -1, rows);
  }
  set(row: number, value: string | undefined): void {
    this.codes.set(row, value === undefined || value === '' || this.omitted ? -1 : this.codeOf(value));
  }
  /** `flat`: the value is a string of its own already (it came from another thread), no copy needed. */
  private codeOf(value: string, flat = false): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      const owned = flat ? value : ownString(value);
      this.values.push(owned);
      this.index.set(owned, code);
    }
    return code;
  }
  /** Appends rows coded against another dictionary's values, re-coded against this one's. */
  append(at: number, part: DictionaryPart, length: number): void {
    if (part.codes === undefined) {
      this.codes.append(at, undefined, length);
      return;
    }
    const recode = part.values.map((value) => this.codeOf(value, true));
    this.codes.widen(at, this.values.length - 1);
    this.codes.makeRoom(at, length);
    const codes = this.codes.data;
    for (let i = 0; i < length; i++) {
      const code = part.codes[i]!;
      codes[at + i] = code < 0 ? -1 : recode[code]!;
    }
  }
  part(length: number): DictionaryPart {
    return { codes: this.codes.filled(length), values: this.values };
  }
  build(length: number, missing: MissingColumns): DictionaryColumn {
    return { codes: this.codes.filled(length) ?? missing.of((n) => new Int16Array(n), -1, length), values: this.values };
  }
}

const enumCode = <T extends string>(values: readonly T[], value: T | undefined): number =>
  value === undefined ? -1 : values.indexOf(value);

function isIncreasing(values: NumberColumn): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) return false;
  return true;
}

/**
 * The ticket id in text[from, to) as a number, when it is written as a plain integer that a
 * double holds exactly ("0042" is not one: it is a different id from "42"); NaN otherwise.
 */
export function integerIdAt(text: string, from: number, to: number): number {
  return to - from > 1 && text.charCodeAt(from) === 48 ? Number.NaN : plainIntegerAt(text, from, to);
}

const integerId = (id: string): number => integerIdAt(id, 0, id.length);

/** Stores one field's value in the row being written (see TicketTableBuilder.startRow). */
export interface FieldCell<T> {
  set(value: T | undefined): void;
}

/** A cell per ticket field, `channelRaw` included; an id may come as the number it is. */
export type FieldCells = { readonly [K in keyof Ticket]-?: FieldCell<K extends 'id' ? string | number : Ticket[K]> };

/**
 * Appends tickets into a TicketTable, row by row: `startRow`, then the cells of the fields the
 * input has, then `commitRow` (a row never committed, such as a malformed one, is overwritten by
 * the next). Readers write cells straight into the columns, without an object per ticket.
 *
 * Tickets sharing an id are merged in `build`, keeping the most recently updated version (several
 * monthly exports overlap at their edges), not as rows arrive: a Map from a million ids to rows
 * cost about a second and ~50 bytes a ticket. Integer ids (every helpdesk's) are found twice by
 * sorting their numeric values; other ids go through a Map once, at the end.
 */
export class TicketTableBuilder {
  private length = 0;
  /** Each row's id as text; filled only once an id is not a plain integer. */
  private ids: string[] = [];
  private readonly shared: BuilderRows = { expected: 0, clearedTo: 0 };
  /** Each row's id as a number, while every id is a plain integer. */
  private readonly numericIds = numberColumn(this.shared);
  private allIdsNumeric = true;
  private readonly omitTags: boolean;
  private readonly floats = {
    createdAt: timestampColumn(this.shared),
    firstReplyAt: timestampColumn(this.shared),
    solvedAt: timestampColumn(this.shared),
    updatedAt: timestampColumn(this.shared),
    firstReplyMinutes: numberColumn(this.shared),
    firstResolutionMinutes: numberColumn(this.shared),
    fullResolutionMinutes: numberColumn(this.shared),
    firstReplyMinutesBusiness: numberColumn(this.shared),
    fullResolutionMinutesBusiness: numberColumn(this.shared),
    handleMinutes: numberColumn(this.shared),
    replies: numberColumn(this.shared),
    reopens: numberColumn(this.shared),
    satisfactionScore: numberColumn(this.shared),
  };
  private readonly codes = {
    status: int8Column(this.shared),
    priority: int8Column(this.shared),
    channel: int8Column(this.shared),
    satisfactionKind: new CodeColumnBuilder<Uint8Array>({ wide: (n) => new Uint8Array(n) }, SatisfactionKind.None, this.shared),
  };
  private readonly dictionaries: Record<DictionaryName, DictionaryBuilder>;
  /** Each row's tags; stays empty when tags are omitted. */
  private readonly tags: (readonly string[] | undefined)[] = [];
  /**
   * One shared array per distinct tag list: most tickets repeat a few lists, and an array per
   * ticket would cost ~80 bytes each at a million tickets.
   */
  private readonly singleTags = new Map<string, readonly string[]>();
  private readonly tagLists = new Map<string, readonly string[]>();
  /** Id and tags of the row being written, stored at `commitRow`. */
  private pendingId: string | number | undefined;
  private pendingTags: readonly string[] | undefined;
  /** A row is started and not committed yet. */
  private rowOpen = false;
  /** Number of tickets that replaced (or lost to) an earlier copy with the same id; known after `build`. */
  duplicates = 0;
  /** Setters for the fields of the row being written. */
  readonly cells: FieldCells;
  /** Every typed column a row writes (numbers, codes, dictionary codes); ids are kept apart. */
  private readonly rowColumns: GrowableColumn<NumberArray>[];

  /** `omit`: fields left empty in every row, whatever the tickets say. */
  constructor(omit: readonly OmittableField[] = []) {
    const omitted = (field: OmittableField): boolean => omit.includes(field);
    this.omitTags = omitted('tags');
    const d = (this.dictionaries = {
      channelRaw: new DictionaryBuilder(this.shared),
      assignee: new DictionaryBuilder(this.shared),
      group: new DictionaryBuilder(this.shared),
      requester: new DictionaryBuilder(this.shared, omitted('requester')),
      requesterContact: new DictionaryBuilder(this.shared, omitted('requesterContact')),
      organization: new DictionaryBuilder(this.shared, omitted('organization')),
    });
    this.rowColumns = [...Object.values(this.floats), ...Object.values(this.codes), ...Object.values(d).map((dictionary) => dictionary.codes)];
    const f = this.floats;
    const number = (column: GrowableColumn<NumberColumn>): FieldCell<number> => ({ set: (value) => column.set(this.length, value ?? Number.NaN) });
    const code = <T extends string>(column: GrowableColumn<Int8Array>, values: readonly T[]): FieldCell<T> => ({
      set: (value) => column.set(this.length, enumCode(values, value)),
    });
    const text = (dictionary: DictionaryBuilder): FieldCell<string> => ({ set: (value) => dictionary.set(this.length, value) });
    this.cells = {
      id: { set: (id) => void (this.pendingId = id) },
      createdAt: number(f.createdAt),
      firstReplyAt: number(f.firstReplyAt),
      solvedAt: number(f.solvedAt),
      updatedAt: number(f.updatedAt),
      firstReplyMinutes: number(f.firstReplyMinutes),
      firstResolutionMinutes: number(f.firstResolutionMinutes),
      fullResolutionMinutes: number(f.fullResolutionMinutes),
      firstReplyMinutesBusiness: number(f.firstReplyMinutesBusiness),
      fullResolutionMinutesBusiness: number(f.fullResolutionMinutesBusiness),
      handleMinutes: number(f.handleMinutes),
      replies: number(f.replies),
      reopens: number(f.reopens),
      status: code<Status>(this.codes.status, STATUSES),
      priority: code<Priority>(this.codes.priority, PRIORITIES),
      channel: code<Channel>(this.codes.channel, CHANNELS),
      channelRaw: text(d.channelRaw),
      assignee: text(d.assignee),
      group: text(d.group),
      requester: text(d.requester),
      requesterContact: text(d.requesterContact),
      organization: text(d.organization),
      tags: { set: (tags) => void (this.pendingTags = tags && tags.length > 0 && !this.omitTags ? this.sharedTags(tags) : undefined) },
      satisfaction: { set: (satisfaction) => this.setSatisfaction(satisfaction) },
    };
  }

  /** Rows committed so far. */
  get rows(): number {
    return this.length;
  }

  /**
   * The rows this table should hold in the end, as far as the reader can tell: columns then grow
   * once to that size, not by doubling, and a part read by another thread is appended in place
   * (see GrowableColumn.reserve for why a guess on the high side costs nothing).
   */
  expectRows(rows: number): void {
    this.shared.expected = Math.max(this.shared.expected, Math.min(Math.ceil(rows), MAX_EXPECTED_ROWS));
  }

  /**
   * Begins the next row with every field missing. Rows are cleared to `missing` ahead, a block
   * at a time, instead of writing every column's `missing` into every row (~0.4 s of CPU for a
   * million rows, measured); only a row abandoned half-written is cleared on its own.
   */
  startRow(): void {
    const row = this.length;
    if (this.rowOpen) for (const column of this.rowColumns) column.clear(row, row + 1);
    const rows = this.shared;
    if (row >= rows.clearedTo) {
      const to = row + CLEAR_BLOCK;
      for (const column of this.rowColumns) column.clear(row, to);
      rows.clearedTo = to;
    }
    this.rowOpen = true;
    this.pendingId = undefined;
    this.pendingTags = undefined;
  }

  /** A number field of the row being written (NaN when it has none). */
  pending(field: 'createdAt' | 'firstReplyAt' | 'solvedAt'): number {
    const column = this.floats[field];
    return column.empty ? Number.NaN : column.data[this.length]!;
  }

  /** True when the row being written has an id. */
  get pendingHasId(): boolean {
    return this.pendingId !== undefined;
  }

  /** Adds the row being written to the table; it must have an id. */
  commitRow(): void {
    this.rowOpen = false;
    const row = this.length;
    const id = this.pendingId!;
    if (this.allIdsNumeric) {
      const numeric = typeof id === 'number' ? id : integerId(id);
      if (Number.isNaN(numeric)) this.switchToTextIds();
      else this.numericIds.set(row, numeric);
    }
    if (!this.allIdsNumeric) this.ids.push(typeof id === 'number' ? String(id) : ownString(id));
    if (!this.omitTags) this.tags[row] = this.pendingTags;
    this.length++;
  }

  /** Adds a whole ticket (ticket.id must be set); one with the id of an earlier ticket is merged with it in `build`. */
  upsert(ticket: Ticket): void {
    this.startRow();
    this.writeTicket(ticket);
    this.commitRow();
  }

  /** Writes every field of a ticket into the row being written. */
  writeTicket(t: Ticket): void {
    const c = this.cells;
    c.id.set(t.id);
    c.createdAt.set(t.createdAt);
    c.firstReplyAt.set(t.firstReplyAt);
    c.solvedAt.set(t.solvedAt);
    c.updatedAt.set(t.updatedAt);
    c.firstReplyMinutes.set(t.firstReplyMinutes);
    c.firstResolutionMinutes.set(t.firstResolutionMinutes);
    c.fullResolutionMinutes.set(t.fullResolutionMinutes);
    c.firstReplyMinutesBusiness.set(t.firstReplyMinutesBusiness);
    c.fullResolutionMinutesBusiness.set(t.fullResolutionMinutesBusiness);
    c.handleMinutes.set(t.handleMinutes);
    c.replies.set(t.replies);
    c.reopens.set(t.reopens);
    c.status.set(t.status);
    c.priority.set(t.priority);
    c.channel.set(t.channel);
    c.channelRaw.set(t.channelRaw);
    c.assignee.set(t.assignee);
    c.group.set(t.group);
    c.requester.set(t.requester);
    c.requesterContact.set(t.requesterContact);
    c.organization.set(t.organization);
    c.tags.set(t.tags);
    c.satisfaction.set(t.satisfaction);
  }

  private setSatisfaction(s: Ticket['satisfaction']): void {
    let kind: number = SatisfactionKind.None;
    let score = Number.NaN;
    if (typeof s === 'string') kind = SATISFACTION_STATES.indexOf(s) + 1;
    else if (s) {
      kind = s.scale === '1-5' ? SatisfactionKind.Score15 : SatisfactionKind.Score010;
      score = s.score;
    }
    this.codes.satisfactionKind.set(this.length, kind);
    this.floats.satisfactionScore.set(this.length, score);
  }

  /** From here on, ids are kept as text: the rows so far get theirs from their numbers. */
  private switchToTextIds(): void {
    if (!this.allIdsNumeric) return;
    this.allIdsNumeric = false;
    const numeric = this.numericIds.data;
    this.ids = Array.from({ length: this.length }, (_, row) => String(numeric[row]));
  }

  /**
   * The rows so far, column by column, for another thread to `append` (their buffers can be
   * transferred, not copied). Duplicates are not merged yet: that happens in the final `build`.
   */
  part(): TablePart {
    const n = this.length;
    const filled = (columns: Record<string, { filled(length: number): NumberArray | undefined }>) =>
      Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column.filled(n)]));
    return {
      length: n,
      ids: this.allIdsNumeric ? [] : this.ids,
      numericIds: this.allIdsNumeric ? (this.numericIds.filled(n) ?? new Float32Array(0)) : undefined,
      floats: filled(this.floats) as TablePart['floats'],
      codes: filled(this.codes) as TablePart['codes'],
      dictionaries: Object.fromEntries(Object.entries(this.dictionaries).map(([name, d]) => [name, d.part(n)])) as TablePart['dictionaries'],
      tags: this.tags,
    };
  }

  /** Appends the rows of a part read by another thread, after the rows already here. */
  append(part: TablePart): void {
    const at = this.length;
    const n = part.length;
    if (part.numericIds === undefined) this.switchToTextIds();
    if (this.allIdsNumeric) this.numericIds.append(at, part.numericIds!, n);
    else if (part.numericIds) for (let i = 0; i < n; i++) this.ids.push(String(part.numericIds[i]));
    else for (let i = 0; i < n; i++) this.ids.push(part.ids[i]!);
    for (const name of Object.keys(this.floats) as FloatColumn[]) this.floats[name].append(at, part.floats[name], n);
    this.codes.status.append(at, part.codes.status, n);
    this.codes.priority.append(at, part.codes.priority, n);
    this.codes.channel.append(at, part.codes.channel, n);
    this.codes.satisfactionKind.append(at, part.codes.satisfactionKind, n);
    for (const name of Object.keys(this.dictionaries) as DictionaryName[]) this.dictionaries[name].append(at, part.dictionaries[name], n);
    if (!this.omitTags) {
      // A part's tag lists arrive as copies: share them again, one per distinct list object.
      const shared = new Map<readonly string[], readonly string[]>();
      for (let i = 0; i < n; i++) {
        const tags = part.tags[i];
        if (tags === undefined) this.tags[at + i] = undefined;
        else {
          let list = shared.get(tags);
          if (list === undefined) shared.set(tags, (list = this.sharedTags(tags, true)));
          this.tags[at + i] = list;
        }
      }
    }
    this.length = at + n;
    // The part's rows are written in every column with values: the rows cleared are beyond them.
    this.shared.clearedTo = Math.max(this.shared.clearedTo, this.length);
  }

  /** Rows sharing an id with an earlier row, grouped by id, each group in arrival order. */
  private duplicateGroups(): number[][] {
    const n = this.length;
    const rowsById = new Map<string | number, number[]>();
    if (this.allIdsNumeric) {
      const numeric = this.numericIds.data.subarray(0, n);
      // Exports usually list tickets by id: ids that only ever grow have no repeats, no sort needed.
      if (isIncreasing(numeric)) return [];
      const sorted = numeric.slice().sort();
      const repeated = new Set<number>();
      for (let i = 1; i < n; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
      if (repeated.size === 0) return [];
      for (let row = 0; row < n; row++) {
        const id = numeric[row]!;
        if (repeated.has(id)) rowsById.set(id, [...(rowsById.get(id) ?? []), row]);
      }
    } else {
      for (let row = 0; row < n; row++) {
        const id = this.ids[row]!;
        const rows = rowsById.get(id);
        if (rows) rows.push(row);
        else rowsById.set(id, [row]);
      }
    }
    return [...rowsById.values()].filter((rows) => rows.length > 1);
  }

  /** Every per-row store that holds values, for moving a row from one place to another. */
  private rowStores(): { [row: number]: unknown }[] {
    const columns = [this.numericIds, ...this.rowColumns];
    return [
      ...(this.allIdsNumeric ? [] : [this.ids]),
      ...(this.omitTags ? [] : [this.tags]),
      ...columns.filter((column) => !column.empty).map((column) => column.data),
    ];
  }

  /**
   * Merges tickets that share an id: the newest copy (by updatedAt) takes the place of the first;
   * on a tie, or without updatedAt, the later copy wins, as its file was exported later.
   */
  private mergeDuplicates(): void {
    const groups = this.duplicateGroups();
    if (groups.length === 0) return;
    const stores = this.rowStores();
    const updatedAt = this.floats.updatedAt.data;
    const dropped = new Uint8Array(this.length);
    for (const rows of groups) {
      let winner = rows[0]!;
      for (const row of rows.slice(1)) {
        if (!(updatedAt[row]! < updatedAt[winner]!)) winner = row;
        dropped[row] = 1;
      }
      for (const store of stores) store[rows[0]!] = store[winner];
    }
    let kept = 0;
    for (let row = 0; row < this.length; row++) {
      if (dropped[row]) continue;
      if (kept !== row) for (const store of stores) store[kept] = store[row];
      kept++;
    }
    this.duplicates = this.length - kept;
    this.length = kept;
    if (!this.allIdsNumeric) this.ids.length = kept;
    if (!this.omitTags) this.tags.length = kept;
  }

  /** `flat` as in DictionaryBuilder.codeOf. */
  private sharedTags(tags: readonly string[], flat = false): readonly string[] {
    const lists = tags.length === 1 ? this.singleTags : this.tagLists;
    const key = tags.length === 1 ? tags[0]! : JSON.stringify(tags);
    let shared = lists.get(key);
    if (shared === undefined) {
      shared = Object.freeze(flat ? [...tags] : tags.map(ownString));
      lists.set(key, shared);
    }
    return shared;
  }

  build(): TicketTable {
    this.mergeDuplicates();
    const n = this.length;
    const f = this.floats;
    const c = this.codes;
    const d = this.dictionaries;
    // Columns no ticket has a value for share one array of missing values.
    const missing = new MissingColumns();
    const float = (column: GrowableColumn<NumberColumn>): NumberColumn => column.filled(n) ?? missing.of((k) => new Float32Array(k), Number.NaN, n);
    const code = (column: GrowableColumn<Int8Array>): Int8Array => column.filled(n) ?? missing.of((k) => new Int8Array(k), -1, n);
    return {
      length: n,
      id: this.allIdsNumeric ? { numeric: float(this.numericIds) } : { text: this.ids },
      createdAt: float(f.createdAt),
      firstReplyAt: float(f.firstReplyAt),
      solvedAt: float(f.solvedAt),
      updatedAt: float(f.updatedAt),
      firstReplyMinutes: float(f.firstReplyMinutes),
      firstResolutionMinutes: float(f.firstResolutionMinutes),
      fullResolutionMinutes: float(f.fullResolutionMinutes),
      firstReplyMinutesBusiness: float(f.firstReplyMinutesBusiness),
      fullResolutionMinutesBusiness: float(f.fullResolutionMinutesBusiness),
      handleMinutes: float(f.handleMinutes),
      replies: float(f.replies),
      reopens: float(f.reopens),
      status: code(c.status),
      priority: code(c.priority),
      channel: code(c.channel),
      channelRaw: d.channelRaw.build(n, missing),
      assignee: d.assignee.build(n, missing),
      group: d.group.build(n, missing),
      requester: d.requester.build(n, missing),
      requesterContact: d.requesterContact.build(n, missing),
      organization: d.organization.build(n, missing),
      tags: this.omitTags ? [] : this.tags.slice(0, n),
      satisfactionKind: c.satisfactionKind.filled(n) ?? missing.of((k) => new Uint8Array(k), SatisfactionKind.None, n),
      satisfactionScore: float(f.satisfactionScore),
    };
  }
}

type FloatColumn = 'createdAt' | 'firstReplyAt' | 'solvedAt' | 'updatedAt' | 'firstReplyMinutes' | 'firstResolutionMinutes'
  | 'fullResolutionMinutes' | 'firstReplyMinutesBusiness' | 'fullResolutionMinutesBusiness' | 'handleMinutes' | 'replies' | 'reopens' | 'satisfactionScore';
type DictionaryName = 'channelRaw' | 'assignee' | 'group' | 'requester' | 'requesterContact' | 'organization';

/** A dictionary column of a part: codes undefined when no row has a value. */
export interface DictionaryPart {
  codes: CodeColumn | undefined;
  values: readonly string[];
}

/**
 * The rows one thread read, column by column (see TicketTableBuilder.part). A column is
 * undefined where no row of the part has a value.
 */
export interface TablePart {
  length: number;
  /** Each row's id as text, when not every id is a plain integer (else empty). */
  ids: readonly string[];
  /** Each row's id as a number, when every id is a plain integer. */
  numericIds: NumberColumn | undefined;
  floats: Record<FloatColumn, NumberColumn | undefined>;
  codes: { status: Int8Array | undefined; priority: Int8Array | undefined; channel: Int8Array | undefined; satisfactionKind: Uint8Array | undefined };
  dictionaries: Record<DictionaryName, DictionaryPart>;
  /** Empty when tags are omitted. */
  tags: readonly (readonly string[] | undefined)[];
}

/** The buffers of a part, to transfer to another thread instead of copying them. */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const arrays = [part.numericIds, ...Object.values(part.floats), ...Object.values(part.codes), ...Object.values(part.dictionaries).map((d) => d.codes)];
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer))];
}

/** Builds a table from ticket objects (tests and small inputs). */
export function tableFromTickets(tickets: Iterable<Ticket>, omit: readonly OmittableField[] = []): TicketTable {
  const builder = new TicketTableBuilder(omit);
  for (const ticket of tickets) builder.upsert(ticket);
  return builder.build();
}
