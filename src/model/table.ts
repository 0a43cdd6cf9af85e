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
  readonly createdAt: Float64Array;
  readonly firstReplyAt: Float64Array;
  readonly solvedAt: Float64Array;
  readonly updatedAt: Float64Array;
  readonly firstReplyMinutes: Float64Array;
  readonly firstResolutionMinutes: Float64Array;
  readonly fullResolutionMinutes: Float64Array;
  readonly firstReplyMinutesBusiness: Float64Array;
  readonly fullResolutionMinutesBusiness: Float64Array;
  readonly handleMinutes: Float64Array;
  readonly replies: Float64Array;
  readonly reopens: Float64Array;
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
  readonly satisfactionScore: Float64Array;
}

/**
 * Ticket ids: as numbers when every id is a plain integer, as every helpdesk's is (8 bytes a
 * ticket, where a string each cost ~40), else as text.
 */
export type TicketIds = { readonly numeric: Float64Array } | { readonly text: readonly string[] };

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
  readonly codes: Int32Array;
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

/**
 * A number column that stays empty until its first value: an export without a field (most have
 * no first-reply timestamp or handling time) costs no 8 bytes a ticket for it.
 */
class GrowableFloat64 {
  data = new Float64Array(0);
  get empty(): boolean {
    return this.data.length === 0;
  }
  set(row: number, value: number | undefined): void {
    if (row >= this.data.length) {
      if (this.empty && (value === undefined || Number.isNaN(value))) return;
      this.reserve(Math.max(this.data.length * 2, row + 1, 1024));
    }
    this.data[row] = value ?? Number.NaN;
  }
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = new Float64Array(capacity);
    // Rows before the first value are missing; later rows are each written as they come.
    if (this.empty) next.fill(Number.NaN);
    else next.set(this.data);
    this.data = next;
  }
  /** The first `length` rows; `missing` gives them for a column that never got a value. */
  view(length: number, missing: (length: number) => Float64Array): Float64Array {
    return this.empty ? missing(length) : this.data.subarray(0, length);
  }
}

class GrowableInt<T extends Int8Array | Uint8Array | Int32Array> {
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  set(row: number, value: number): void {
    if (row >= this.data.length) this.reserve(Math.max(this.data.length * 2, row + 1));
    this.data[row] = value;
  }
  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = this.make(capacity);
    next.set(this.data);
    this.data = next;
  }
  view(length: number): T {
    return this.data.subarray(0, length) as T;
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
  readonly codes = new GrowableInt(new Int32Array(1024), (n) => new Int32Array(n));
  /** An omitted field's dictionary stays empty: every row gets "no value". */
  constructor(private readonly omitted = false) {}
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
  append(at: number, part: DictionaryColumn): void {
    const recode = part.values.map((value) => this.codeOf(value, true));
    const n = part.codes.length;
    this.codes.reserve(at + n);
    const codes = this.codes.data;
    for (let i = 0; i < n; i++) {
      const code = part.codes[i]!;
      codes[at + i] = code < 0 ? -1 : recode[code]!;
    }
  }
  build(length: number): DictionaryColumn {
    return { codes: this.codes.view(length), values: this.values };
  }
}

const enumCode = <T extends string>(values: readonly T[], value: T | undefined): number =>
  value === undefined ? -1 : values.indexOf(value);

/** A ticket id written as a plain integer that a double holds exactly ("0042" is not one: it is a different id from "42"). */
function integerId(id: string): number {
  if (id.length === 0 || id.length > 15 || (id.length > 1 && id.charCodeAt(0) === 48)) return Number.NaN;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return Number.NaN;
  }
  return Number(id);
}

/**
 * Appends canonical tickets into a TicketTable. `upsert` de-duplicates by ticket id, keeping
 * the most recently updated version (several monthly exports overlap at their edges).
 *
 * Duplicates are merged in `build`, not as rows arrive: a Map from a million ids to rows cost
 * about a second and ~50 bytes a ticket. Integer ids (every helpdesk's) are found twice by
 * sorting their numeric values; other ids go through a Map once, at the end.
 */
export class TicketTableBuilder {
  private length = 0;
  /** Each row's id as text; filled only once an id is not a plain integer. */
  private ids: string[] = [];
  /** Each row's id as a number, while every id is a plain integer. */
  private readonly numericIds = new GrowableFloat64();
  private allIdsNumeric = true;
  private readonly omitTags: boolean;
  private readonly floats = {
    createdAt: new GrowableFloat64(),
    firstReplyAt: new GrowableFloat64(),
    solvedAt: new GrowableFloat64(),
    updatedAt: new GrowableFloat64(),
    firstReplyMinutes: new GrowableFloat64(),
    firstResolutionMinutes: new GrowableFloat64(),
    fullResolutionMinutes: new GrowableFloat64(),
    firstReplyMinutesBusiness: new GrowableFloat64(),
    fullResolutionMinutesBusiness: new GrowableFloat64(),
    handleMinutes: new GrowableFloat64(),
    replies: new GrowableFloat64(),
    reopens: new GrowableFloat64(),
    satisfactionScore: new GrowableFloat64(),
  };
  private readonly status = new GrowableInt(new Int8Array(1024), (n) => new Int8Array(n));
  private readonly priority = new GrowableInt(new Int8Array(1024), (n) => new Int8Array(n));
  private readonly channel = new GrowableInt(new Int8Array(1024), (n) => new Int8Array(n));
  private readonly satisfactionKind = new GrowableInt(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly dictionaries: Record<DictionaryName, DictionaryBuilder>;
  private readonly tags: (readonly string[] | undefined)[] = [];
  /**
   * One shared array per distinct tag list: most tickets repeat a few lists, and an array per
   * ticket would cost ~80 bytes each at a million tickets.
   */
  private readonly singleTags = new Map<string, readonly string[]>();
  private readonly tagLists = new Map<string, readonly string[]>();
  /** Number of tickets that replaced (or lost to) an earlier copy with the same id; known after `build`. */
  duplicates = 0;

  /** `omit`: fields left empty in every row, whatever the tickets say. */
  constructor(omit: readonly OmittableField[] = []) {
    const omitted = (field: OmittableField): boolean => omit.includes(field);
    this.omitTags = omitted('tags');
    this.dictionaries = {
      channelRaw: new DictionaryBuilder(),
      assignee: new DictionaryBuilder(),
      group: new DictionaryBuilder(),
      requester: new DictionaryBuilder(omitted('requester')),
      requesterContact: new DictionaryBuilder(omitted('requesterContact')),
      organization: new DictionaryBuilder(omitted('organization')),
    };
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
    const views = <T extends { view(length: number): unknown }>(columns: Record<string, T>) =>
      Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, column.view(n)]));
    return {
      length: n,
      ids: this.allIdsNumeric ? [] : this.ids,
      numericIds: this.allIdsNumeric ? this.numericIds.view(n, (length) => new Float64Array(length)) : undefined,
      floats: Object.fromEntries(Object.entries(this.floats).map(([name, column]) => [name, column.empty ? undefined : column.data.subarray(0, n)])) as TablePart['floats'],
      codes: views({ status: this.status, priority: this.priority, channel: this.channel, satisfactionKind: this.satisfactionKind }) as TablePart['codes'],
      dictionaries: Object.fromEntries(Object.entries(this.dictionaries).map(([name, d]) => [name, d.build(n)])) as TablePart['dictionaries'],
      tags: this.tags,
    };
  }

  /** Appends the rows of a part read by another thread, after the rows already here. */
  append(part: TablePart): void {
    const at = this.length;
    const n = part.length;
    if (part.numericIds === undefined) this.switchToTextIds();
    if (this.allIdsNumeric) appendTo(this.numericIds, at, part.numericIds!);
    else if (part.numericIds) for (let i = 0; i < n; i++) this.ids.push(String(part.numericIds[i]));
    else for (let i = 0; i < n; i++) this.ids.push(part.ids[i]!);
    for (const name of Object.keys(this.floats) as (keyof TablePart['floats'])[]) {
      const column = this.floats[name];
      const values = part.floats[name];
      if (values !== undefined) appendTo(column, at, values);
      else if (!column.empty) {
        column.reserve(at + n);
        column.data.fill(Number.NaN, at, at + n);
      }
    }
    appendTo(this.status, at, part.codes.status);
    appendTo(this.priority, at, part.codes.priority);
    appendTo(this.channel, at, part.codes.channel);
    appendTo(this.satisfactionKind, at, part.codes.satisfactionKind);
    for (const name of Object.keys(this.dictionaries) as (keyof TablePart['dictionaries'])[]) this.dictionaries[name].append(at, part.dictionaries[name]);
    // A part's tag lists arrive as copies: share them again, one per distinct list object.
    const shared = new Map<readonly string[], readonly string[]>();
    for (let i = 0; i < n; i++) {
      const tags = part.tags[i];
      if (tags === undefined) this.tags.push(undefined);
      else {
        let list = shared.get(tags);
        if (list === undefined) shared.set(tags, (list = this.sharedTags(tags, true)));
        this.tags.push(list);
      }
    }
    this.length = at + n;
  }

  /** Adds a ticket; one with the id of an earlier ticket is merged with it in `build`. */
  upsert(ticket: Ticket): void {
    const row = this.length;
    if (this.allIdsNumeric) {
      const numeric = integerId(ticket.id);
      if (Number.isNaN(numeric)) this.switchToTextIds();
      else this.numericIds.set(row, numeric);
    }
    if (!this.allIdsNumeric) this.ids.push(ownString(ticket.id));
    this.length++;
    this.write(row, ticket);
  }

  /** Rows sharing an id with an earlier row, grouped by id, each group in arrival order. */
  private duplicateGroups(): number[][] {
    const n = this.length;
    const rowsById = new Map<string | number, number[]>();
    if (this.allIdsNumeric) {
      const numeric = this.numericIds.data.subarray(0, n);
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

  /** Every per-row store, for moving a row from one place to another. */
  private rowStores(): { [row: number]: unknown }[] {
    return [
      this.allIdsNumeric ? this.numericIds.data : this.ids,
      this.tags,
      ...Object.values(this.floats).map((column) => column.data),
      ...[this.status, this.priority, this.channel, this.satisfactionKind].map((column) => column.data),
      ...Object.values(this.dictionaries).map((dictionary) => dictionary.codes.data),
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
    this.tags.length = kept;
  }

  private write(row: number, t: Ticket): void {
    const f = this.floats;
    f.createdAt.set(row, t.createdAt);
    f.firstReplyAt.set(row, t.firstReplyAt);
    f.solvedAt.set(row, t.solvedAt);
    f.updatedAt.set(row, t.updatedAt);
    f.firstReplyMinutes.set(row, t.firstReplyMinutes);
    f.firstResolutionMinutes.set(row, t.firstResolutionMinutes);
    f.fullResolutionMinutes.set(row, t.fullResolutionMinutes);
    f.firstReplyMinutesBusiness.set(row, t.firstReplyMinutesBusiness);
    f.fullResolutionMinutesBusiness.set(row, t.fullResolutionMinutesBusiness);
    f.handleMinutes.set(row, t.handleMinutes);
    f.replies.set(row, t.replies);
    f.reopens.set(row, t.reopens);
    this.status.set(row, enumCode<Status>(STATUSES, t.status));
    this.priority.set(row, enumCode<Priority>(PRIORITIES, t.priority));
    this.channel.set(row, enumCode<Channel>(CHANNELS, t.channel));
    const d = this.dictionaries;
    d.channelRaw.set(row, t.channelRaw);
    d.assignee.set(row, t.assignee);
    d.group.set(row, t.group);
    d.requester.set(row, t.requester);
    d.requesterContact.set(row, t.requesterContact);
    d.organization.set(row, t.organization);
    this.tags[row] = t.tags && t.tags.length > 0 && !this.omitTags ? this.sharedTags(t.tags) : undefined;
    const s = t.satisfaction;
    let kind: number = SatisfactionKind.None;
    let score: number | undefined;
    if (typeof s === 'string') kind = SATISFACTION_STATES.indexOf(s) + 1;
    else if (s) {
      kind = s.scale === '1-5' ? SatisfactionKind.Score15 : SatisfactionKind.Score010;
      score = s.score;
    }
    this.satisfactionKind.set(row, kind);
    f.satisfactionScore.set(row, score);
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
    const d = this.dictionaries;
    // Columns no ticket has a value for share one array of missing values.
    let missing: Float64Array | undefined;
    const none = (length: number): Float64Array => (missing ??= new Float64Array(length).fill(Number.NaN));
    return {
      length: n,
      id: this.allIdsNumeric ? { numeric: this.numericIds.view(n, none) } : { text: this.ids },
      createdAt: f.createdAt.view(n, none),
      firstReplyAt: f.firstReplyAt.view(n, none),
      solvedAt: f.solvedAt.view(n, none),
      updatedAt: f.updatedAt.view(n, none),
      firstReplyMinutes: f.firstReplyMinutes.view(n, none),
      firstResolutionMinutes: f.firstResolutionMinutes.view(n, none),
      fullResolutionMinutes: f.fullResolutionMinutes.view(n, none),
      firstReplyMinutesBusiness: f.firstReplyMinutesBusiness.view(n, none),
      fullResolutionMinutesBusiness: f.fullResolutionMinutesBusiness.view(n, none),
      handleMinutes: f.handleMinutes.view(n, none),
      replies: f.replies.view(n, none),
      reopens: f.reopens.view(n, none),
      status: this.status.view(n),
      priority: this.priority.view(n),
      channel: this.channel.view(n),
      channelRaw: d.channelRaw.build(n),
      assignee: d.assignee.build(n),
      group: d.group.build(n),
      requester: d.requester.build(n),
      requesterContact: d.requesterContact.build(n),
      organization: d.organization.build(n),
      tags: this.tags.slice(0, n),
      satisfactionKind: this.satisfactionKind.view(n),
      satisfactionScore: f.satisfactionScore.view(n, none),
    };
  }
}

type FloatColumn = 'createdAt' | 'firstReplyAt' | 'solvedAt' | 'updatedAt' | 'firstReplyMinutes' | 'firstResolutionMinutes'
  | 'fullResolutionMinutes' | 'firstReplyMinutesBusiness' | 'fullResolutionMinutesBusiness' | 'handleMinutes' | 'replies' | 'reopens' | 'satisfactionScore';
type DictionaryName = 'channelRaw' | 'assignee' | 'group' | 'requester' | 'requesterContact' | 'organization';

/** The rows one thread read, column by column (see TicketTableBuilder.part). */
export interface TablePart {
  length: number;
  /** Each row's id as text, when not every id is a plain integer (else empty). */
  ids: readonly string[];
  /** Each row's id as a number, when every id is a plain integer. */
  numericIds: Float64Array | undefined;
  /** Undefined for a column without a value in the part. */
  floats: Record<FloatColumn, Float64Array | undefined>;
  codes: { status: Int8Array; priority: Int8Array; channel: Int8Array; satisfactionKind: Uint8Array };
  dictionaries: Record<DictionaryName, DictionaryColumn>;
  tags: readonly (readonly string[] | undefined)[];
}

/** The buffers of a part, to transfer to another thread instead of copying them. */
export function partBuffers(part: TablePart): ArrayBuffer[] {
  const arrays = [part.numericIds, ...Object.values(part.floats), ...Object.values(part.codes), ...Object.values(part.dictionaries).map((d) => d.codes)];
  return [...new Set(arrays.filter((a) => a !== undefined).map((a) => a.buffer as ArrayBuffer))];
}

function appendTo<T extends Float64Array | Int8Array | Uint8Array | Int32Array>(column: { reserve(capacity: number): void; data: T }, at: number, values: T): void {
  column.reserve(at + values.length);
  column.data.set(values, at);
}

/** Builds a table from ticket objects (tests and small inputs). */
export function tableFromTickets(tickets: Iterable<Ticket>, omit: readonly OmittableField[] = []): TicketTable {
  const builder = new TicketTableBuilder(omit);
  for (const ticket of tickets) builder.upsert(ticket);
  return builder.build();
}
