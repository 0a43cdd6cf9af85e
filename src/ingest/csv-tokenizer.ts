/**
 * A streaming RFC 4180 tokenizer specialised for ticket exports: string fields only, `"` quotes
 * with `""` escapes, CRLF, LF or CR ending records (whichever the file uses), blank lines
 * skipped, and the line each record starts on. It replaces csv-parse on the ingest hot path
 * because csv-parse spent most of a large run converting between strings and buffers and
 * building per-record info objects (see README, "Performance"); csv-parse stays the reference the
 * property tests compare against.
 *
 * A record is handed out as the positions of its fields in the text (CsvRecord), not as strings:
 * most cells of an export are numbers and timestamps, which the reader takes straight from the
 * text, and columns csops never reads cost nothing but finding their end.
 *
 * A record the grammar rejects (a quote that never closes, text after a closing quote, a quote
 * inside an unquoted field) is reported with its line and skipped; reading resumes on the next
 * line, so one bad record never swallows the rest of the file.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Called for each record, synchronously: `record` is reused, valid only during the call. Returning
 * true pauses the tokenizer after this record (see `resume`).
 */
export type RecordHandler = (record: CsvRecord, line: number) => boolean | void;
export type ProblemHandler = (line: number, message: string) => void;

const CSV_PROBLEMS = {
  unclosed: 'a quoted field is never closed (the file may be cut short)',
  afterClosingQuote: 'a quote inside a quoted field is not doubled',
  strayQuote: 'a quote inside a field that does not start with one',
} as const;

/** The fields of one record, as spans of `text`. */
export class CsvRecord {
  /** The text the spans index into. */
  text = '';
  /** Number of fields. */
  length = 0;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 where a quoted field holds doubled quotes, which `field` undoes. */
  escaped = new Uint8Array(64);

  /** Field `index` as a string; undefined past the last field. */
  field(index: number): string | undefined {
    if (index >= this.length) return undefined;
    const raw = this.text.slice(this.starts[index], this.ends[index]);
    return this.escaped[index] === 1 ? raw.replaceAll('""', '"') : raw;
  }

  fields(): string[] {
    return Array.from({ length: this.length }, (_, index) => this.field(index)!);
  }

  /** True when the record is one field of nothing but blanks (a blank line). */
  get blank(): boolean {
    if (this.length !== 1) return false;
    for (let i = this.starts[0]!; i < this.ends[0]!; i++) if (this.text.charCodeAt(i) > 32) return false;
    return true;
  }

  start(text: string): void {
    this.text = text;
    this.length = 0;
  }

  add(from: number, to: number, escaped: boolean): void {
    const index = this.length++;
    if (index === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.escaped = grown(this.escaped);
    }
    this.starts[index] = from;
    this.ends[index] = to;
    this.escaped[index] = escaped ? 1 : 0;
  }
}

function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/** Why a record could not be finished from the text at hand. */
const INCOMPLETE = -1;
/** A record commonRecord leaves to the general reader. */
const UNCOMMON = -3;

/**
 * The next delimiter, quote, LF and CR at or after a position in one text, each found with
 * indexOf (far faster than looking at every character) and kept until reading passes it; the
 * text's length when there is none. Valid while reading only moves forward: `reset` before
 * reading a text, or a part of it, again.
 */
class NextPositions {
  private nextQuote = -1;
  private nextLf = -1;
  private nextCr = -1;
  private nextDelimiter = -1;
  reset(): void {
    this.nextQuote = this.nextLf = this.nextCr = this.nextDelimiter = -1;
  }
  quote(text: string, pos: number): number {
    return this.nextQuote >= pos ? this.nextQuote : (this.nextQuote = found(text.indexOf('"', pos), text));
  }
  lf(text: string, pos: number): number {
    return this.nextLf >= pos ? this.nextLf : (this.nextLf = found(text.indexOf('\n', pos), text));
  }
  cr(text: string, pos: number): number {
    return this.nextCr >= pos ? this.nextCr : (this.nextCr = found(text.indexOf('\r', pos), text));
  }
  delimiter(text: string, pos: number, delimiter: string): number {
    return this.nextDelimiter >= pos ? this.nextDelimiter : (this.nextDelimiter = found(text.indexOf(delimiter, pos), text));
  }
}

const found = (index: number, text: string): number => (index === -1 ? text.length : index);

const EOL_UNKNOWN = 0;
const EOL_LF = 1;
const EOL_CR = 2;
const EOL_CRLF = 3;

/** What ends a record in a file, once its first line break is seen. */
export type LineEnding = 'lf' | 'cr' | 'crlf';
const EOL_CODES: Record<LineEnding, number> = { lf: EOL_LF, cr: EOL_CR, crlf: EOL_CRLF };

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  /** Unconsumed text, always starting at a record boundary. */
  private pending = '';
  /** Chunks received while `pending` waits for a long record to complete. */
  private waiting: string[] = [];
  private waitingLength = 0;
  /** Line number of the first character of `pending`. */
  private line = 1;
  private readonly current = new CsvRecord();
  private readonly next = new NextPositions();
  /** Set when the handler asked to stop: `pending` waits for `resume`. */
  private paused = false;
  /** Set by `end`: no more text will come. */
  private ended = false;
  /** What ends a record, decided by the first line break (EOL_*). */
  private eol = EOL_UNKNOWN;

  /**
   * `lineEnding` is given when reading a later part of a file whose first line break decided it
   * already; otherwise the first line break read decides.
   */
  constructor(
    delimiter: string,
    private onRecord: RecordHandler,
    private readonly onProblem: ProblemHandler,
    lineEnding?: LineEnding,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
    if (lineEnding) this.eol = EOL_CODES[lineEnding];
  }

  get lineEnding(): LineEnding | undefined {
    return (Object.keys(EOL_CODES) as LineEnding[]).find((key) => EOL_CODES[key] === this.eol);
  }

  /** True when every character pushed so far belongs to a finished record. */
  get atRecordBoundary(): boolean {
    return this.pending === '' && this.waitingLength === 0;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Hands records to `handler` from now on. */
  setHandler(handler: RecordHandler): void {
    this.onRecord = handler;
  }

  push(chunk: string): void {
    if (this.paused) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      return;
    }
    // A record longer than a chunk (a 10 MB cell) is re-scanned only when the text at hand has
    // doubled, so reading it stays linear in its size.
    if (this.pending.length > 0 && this.waitingLength + chunk.length < this.pending.length) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      return;
    }
    this.consume(this.takeText(chunk), false);
  }

  /** Goes on after a pause with the text left over. */
  resume(): void {
    this.paused = false;
    this.consume(this.takeText(), this.ended);
  }

  end(): void {
    this.ended = true;
    this.consume(this.takeText(), true);
  }

  /**
   * The text left over and waiting, then `chunk`, as one flat string: a concatenation with `+`
   * is a rope, and tokenising it measured slower (0.77 s against 0.74 s for half the 1M-ticket
   * bench CSV).
   */
  private takeText(chunk = ''): string {
    const text = [this.pending, ...this.waiting, chunk].join('');
    this.pending = '';
    this.waiting = [];
    this.waitingLength = 0;
    return text;
  }

  private consume(text: string, final: boolean): void {
    let pos = 0;
    this.next.reset();
    while (pos < text.length && !this.paused) {
      if (this.eol === EOL_LF || this.eol === EOL_CRLF) {
        const next = this.commonRecord(text, pos);
        if (next !== UNCOMMON) {
          pos = next;
          continue;
        }
        // The positions it found may lie past fields `record` reads again from the start.
        this.next.reset();
      }
      const next = this.record(text, pos, final);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    this.pending = pos < text.length ? text.slice(pos) : '';
  }

  /**
   * Reads a record of the usual shape from `start`, in a file whose records end in LF or CRLF:
   * fields unquoted without quotes or line breaks, or quoted (doubled quotes and line breaks
   * inside allowed), and the record complete in the text at hand. Returns where the next record
   * begins, or UNCOMMON for anything else, which `record` then reads from the same place: this
   * path only ever does what `record` would, with one indexOf per delimiter, quote and line break.
   */
  private commonRecord(text: string, start: number): number {
    const next = this.next;
    const crlf = this.eol === EOL_CRLF;
    const record = this.current;
    record.start(text);
    let newlines = 0;
    let pos = start;
    for (;;) {
      const quote = next.quote(text, pos);
      if (quote === pos) {
        const close = closingQuote(text, pos);
        // A quote at the very end may be the first of a doubled pair: `record` waits for more.
        if (close === -1 || close + 1 === text.length) return UNCOMMON;
        if (next.lf(text, pos) < close || next.cr(text, pos) < close) newlines += countNewlines(text, pos + 1, close);
        record.add(pos + 1, close, hasDoubledQuote(text, pos, close));
        pos = close + 1;
        const c = text.charCodeAt(pos);
        if (c === this.delimiter) {
          pos++;
          continue;
        }
        if (crlf ? c === CR && text.charCodeAt(pos + 1) === LF : c === LF) return this.commonEnd(pos + (crlf ? 2 : 1), newlines);
        return UNCOMMON;
      }
      const delimiter = next.delimiter(text, pos, this.delimiterText);
      const lf = next.lf(text, pos);
      const cr = next.cr(text, pos);
      const stop = Math.min(delimiter, lf, cr);
      // A quote inside the field, or no end in the text at hand.
      if (quote < stop || stop === text.length) return UNCOMMON;
      if (stop === delimiter) {
        record.add(pos, delimiter, false);
        pos = delimiter + 1;
        continue;
      }
      if (crlf ? stop === cr && lf === cr + 1 && lf < text.length : stop === lf) {
        record.add(pos, stop, false);
        return this.commonEnd(lf + 1, newlines);
      }
      // A line break that is data here (a lone CR, or an LF in a CRLF file).
      return UNCOMMON;
    }
  }

  /** Ends a record read by commonRecord that began on the current line. */
  private commonEnd(next: number, newlines: number): number {
    const line = this.line;
    this.line += newlines + 1;
    this.emit(line);
    return next;
  }

  /** Hands the record out, unless it is a blank line. */
  private emit(line: number): void {
    if (!this.current.blank && this.onRecord(this.current, line) === true) this.paused = true;
  }

  /**
   * Length of the record terminator at `pos` (0 when the character there is data), or INCOMPLETE
   * when the text at hand ends inside a CRLF. Like csv-parse, the first line break of the file
   * decides what ends a record; other line breaks are data (csv-stringify leaves a lone LF in a
   * CRLF file unquoted).
   */
  private terminator(text: string, pos: number, c: number, final: boolean): number {
    if (c !== LF && c !== CR) return 0;
    if (c === CR && pos + 1 === text.length && !final) return INCOMPLETE;
    const crlf = c === CR && text.charCodeAt(pos + 1) === LF;
    if (this.eol === EOL_UNKNOWN) this.eol = crlf ? EOL_CRLF : c === LF ? EOL_LF : EOL_CR;
    if (this.eol === EOL_CRLF) return crlf ? 2 : 0;
    return (this.eol === EOL_LF) === (c === LF) ? 1 : 0;
  }

  /** Reads one record starting at `start`; returns where the next begins, or INCOMPLETE. */
  private record(text: string, start: number, final: boolean): number {
    const d = this.delimiter;
    const length = text.length;
    const startLine = this.line;
    let newlines = 0;
    const record = this.current;
    record.start(text);
    let pos = start;
    for (;;) {
      let c = pos < length ? text.charCodeAt(pos) : -1;
      let end = 0;
      if (c === QUOTE) {
        const close = closingQuote(text, pos);
        if (close === -1 || (close + 1 === length && !final)) {
          if (!final) return INCOMPLETE;
          this.onProblem(startLine, CSV_PROBLEMS.unclosed);
          this.line += countNewlines(text, start, length);
          return length;
        }
        // Most quoted fields hold no line break: the cached next LF and CR positions show it
        // without looking at each character.
        const next = this.next;
        if (next.lf(text, pos) < close || next.cr(text, pos) < close) newlines += countNewlines(text, pos + 1, close);
        record.add(pos + 1, close, hasDoubledQuote(text, pos, close));
        pos = close + 1;
        c = pos < length ? text.charCodeAt(pos) : -1;
        if (c !== d && c !== -1) {
          end = this.terminator(text, pos, c, final);
          if (end === INCOMPLETE) return INCOMPLETE;
          if (end === 0) return this.skipLine(text, pos, startLine, newlines, final, CSV_PROBLEMS.afterClosingQuote);
        }
      } else {
        const from = pos;
        // Jump to the delimiter unless a quote or line break comes first; characters are then
        // looked at one by one only where something unusual happens.
        const next = this.next;
        pos = Math.min(next.delimiter(text, pos, this.delimiterText), next.quote(text, pos), next.lf(text, pos), next.cr(text, pos));
        c = pos < length ? text.charCodeAt(pos) : -1;
        while (c !== d && c !== -1) {
          if (c === QUOTE) return this.skipLine(text, pos, startLine, newlines, final, CSV_PROBLEMS.strayQuote);
          if (c === LF || c === CR) {
            end = this.terminator(text, pos, c, final);
            if (end === INCOMPLETE) return INCOMPLETE;
            if (end > 0) break;
            if (c === LF || text.charCodeAt(pos + 1) !== LF) newlines++;
          }
          c = ++pos < length ? text.charCodeAt(pos) : -1;
        }
        record.add(from, pos, false);
      }
      if (c === d) {
        pos++;
        continue;
      }
      // End of record: a line break, or the end of the text at hand.
      if (c === -1 && !final) return INCOMPLETE;
      if (end > 0) {
        pos += end;
        newlines++;
      }
      this.line = startLine + newlines;
      this.emit(startLine);
      return pos;
    }
  }

  /** Reports a malformed record and resumes after the record terminator that follows `from`. */
  private skipLine(text: string, from: number, startLine: number, newlines: number, final: boolean, message: string): number {
    let pos = from;
    let terminated = false;
    for (; pos < text.length && !terminated; pos++) {
      const c = text.charCodeAt(pos);
      if (c !== LF && c !== CR) continue;
      const end = this.terminator(text, pos, c, final);
      if (end === INCOMPLETE) return INCOMPLETE;
      if (end === 0 && c === CR && text.charCodeAt(pos + 1) === LF) continue;
      newlines++;
      if (end > 0) {
        terminated = true;
        pos += end - 1;
      }
    }
    // Only a whole record is skipped: its end may be in the next chunk.
    if (!terminated && !final) return INCOMPLETE;
    this.onProblem(startLine, message);
    this.line = startLine + newlines;
    return pos;
  }
}

/**
 * The quote closing the field opened by the quote at `open`, past doubled quotes; -1 when the
 * text has none. A quote that is the text's last character may be the first of a doubled pair
 * whose second has not arrived: the caller decides.
 */
function closingQuote(text: string, open: number): number {
  let from = open + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1 || close + 1 === text.length || text.charCodeAt(close + 1) !== QUOTE) return close;
    from = close + 2;
  }
}

/** True when the quoted field text[open + 1, close) holds doubled quotes (any quote at all). */
const hasDoubledQuote = (text: string, open: number, close: number): boolean => text.indexOf('"', open + 1) < close;

/** Line breaks in text[from, to): CRLF, LF and lone CR each count once. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
