/**
 * A streaming RFC 4180 tokenizer specialised for ticket exports: string fields only, `"` quotes
 * with `""` escapes, CRLF, LF or CR ending records (whichever the file uses), blank lines
 * skipped, and the line each record starts on. It replaces csv-parse on the ingest hot path
 * because csv-parse spent most of a large run converting between strings and buffers and
 * building per-record info objects (see README, "Performance"); csv-parse stays the reference the
 * property tests compare against.
 *
 * A record the grammar rejects (a quote that never closes, text after a closing quote, a quote
 * inside an unquoted field) is reported with its line and skipped; reading resumes on the next
 * line, so one bad record never swallows the rest of the file.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

export type RecordHandler = (fields: string[], line: number) => void;
export type ProblemHandler = (line: number, message: string) => void;

const CSV_PROBLEMS = {
  unclosed: 'a quoted field is never closed (the file may be cut short)',
  afterClosingQuote: 'a quote inside a quoted field is not doubled',
  strayQuote: 'a quote inside a field that does not start with one',
} as const;

/** Why a record could not be finished from the text at hand. */
const INCOMPLETE = -1;

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
  /** Columns to materialise (false: handed out as ''); all when undefined. */
  private keep: readonly boolean[] | undefined;
  /** Next quote, LF and CR in the text being consumed: -1 none left, -2 not looked for yet. */
  private quote = -2;
  private lf = -2;
  private cr = -2;
  /** What ends a record, decided by the first line break (EOL_*). */
  private eol = EOL_UNKNOWN;

  /**
   * `lineEnding` is given when reading a later part of a file whose first line break decided it
   * already; otherwise the first line break read decides.
   */
  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
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

  /**
   * Only these columns (by index) are cut out of the text from now on; others come as ''. A wide
   * export has many columns csops never reads (subjects, custom fields), and not copying them
   * saves a string per cell. Columns past the last index are always kept.
   */
  only(columns: readonly number[]): void {
    const keep: boolean[] = Array(Math.max(0, ...columns) + 1).fill(false);
    for (const column of columns) keep[column] = true;
    this.keep = keep;
  }

  /** text[from, to) as field number `index`, unless that column is not wanted. */
  private field(text: string, from: number, to: number, index: number): string {
    return this.keep === undefined || this.keep[index] !== false ? text.slice(from, to) : '';
  }

  push(chunk: string): void {
    // A record longer than a chunk (a 10 MB cell) is re-scanned only when the text at hand has
    // doubled, so reading it stays linear in its size.
    if (this.pending.length > 0 && this.waitingLength + chunk.length < this.pending.length) {
      this.waiting.push(chunk);
      this.waitingLength += chunk.length;
      return;
    }
    const text = this.pending + this.waiting.join('') + chunk;
    this.waiting = [];
    this.waitingLength = 0;
    this.consume(text, false);
  }

  end(): void {
    const text = this.pending + this.waiting.join('');
    this.waiting = [];
    this.pending = '';
    this.consume(text, true);
  }

  private consume(text: string, final: boolean): void {
    let pos = 0;
    this.quote = this.lf = this.cr = -2;
    while (pos < text.length) {
      if (this.eol === EOL_LF || this.eol === EOL_CRLF) {
        this.special(text, pos);
        const { quote, lf, cr } = this;
        // The common record: no quote and no other line break before its terminator.
        const end = this.eol === EOL_LF ? (cr === -1 || cr > lf ? lf : -1) : cr === lf - 1 ? cr : -1;
        if (lf !== -1 && end >= pos && (quote === -1 || quote > lf)) {
          this.plainRecord(text, pos, end);
          pos = lf + 1;
          continue;
        }
      }
      const next = this.record(text, pos, final);
      if (next === INCOMPLETE) break;
      pos = next;
    }
    this.pending = pos < text.length ? text.slice(pos) : '';
  }

  /**
   * The first quote, LF or CR at or after `pos` (Infinity when none). Each position is found
   * with indexOf, far faster than a loop over characters, and kept until reading passes it.
   */
  private special(text: string, pos: number): number {
    if (this.quote !== -1 && this.quote < pos) this.quote = text.indexOf('"', pos);
    if (this.lf !== -1 && this.lf < pos) this.lf = text.indexOf('\n', pos);
    if (this.cr !== -1 && this.cr < pos) this.cr = text.indexOf('\r', pos);
    return Math.min(this.quote === -1 ? Infinity : this.quote, this.lf === -1 ? Infinity : this.lf, this.cr === -1 ? Infinity : this.cr);
  }

  /** A record without quotes in text[start, end): fields split at each delimiter. */
  private plainRecord(text: string, start: number, end: number): void {
    const line = this.line++;
    if (end === start) return; // an empty line
    const fields: string[] = [];
    let from = start;
    for (;;) {
      const cut = text.indexOf(this.delimiterText, from);
      if (cut === -1 || cut >= end) break;
      fields.push(this.field(text, from, cut, fields.length));
      from = cut + 1;
    }
    fields.push(this.field(text, from, end, fields.length));
    if (!isBlank(fields)) this.onRecord(fields, line);
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
    const fields: string[] = [];
    let pos = start;
    for (;;) {
      let c = pos < length ? text.charCodeAt(pos) : -1;
      let end = 0;
      if (c === QUOTE) {
        let from = pos + 1;
        let escaped = false;
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1 || (close + 1 === length && !final)) {
            if (!final) return INCOMPLETE;
            this.onProblem(startLine, CSV_PROBLEMS.unclosed);
            this.line += countNewlines(text, start, length);
            return length;
          }
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          escaped = true;
          from = close + 2;
        }
        // Most quoted fields hold no line break: the cached next LF and CR positions show it
        // without looking at each character.
        this.special(text, pos);
        if ((this.lf !== -1 && this.lf < close) || (this.cr !== -1 && this.cr < close)) newlines += countNewlines(text, pos + 1, close);
        const raw = this.field(text, pos + 1, close, fields.length);
        fields.push(escaped ? raw.replaceAll('""', '"') : raw);
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
        const cut = text.indexOf(this.delimiterText, pos);
        const stop = Math.min(cut === -1 ? Infinity : cut, this.special(text, pos));
        pos = stop === Infinity ? length : stop;
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
        fields.push(this.field(text, from, pos, fields.length));
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
      if (!isBlank(fields)) this.onRecord(fields, startLine);
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

/** A line with nothing on it but blanks: skipped like an empty line. */
const isBlank = (fields: readonly string[]): boolean => fields.length === 1 && fields[0]!.trim() === '';

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
