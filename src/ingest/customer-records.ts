import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { sniffDelimiter } from './csv-reader.js';
import { jsonErrorPlace } from './json-place.js';
import { describeOpenError } from './source.js';

/**
 * Reader for the two small side files (--surveys, --accounts): a CSV with a header line, or a
 * JSON array of objects (bare or under one key, e.g. {"responses": [...]}). Every record keeps
 * the line it starts on so errors point at it. These files are small, so they are read whole.
 */

export interface FieldRecord {
  line: number;
  /** Cell values keyed by normalised header. */
  values: Map<string, unknown>;
}

export interface RecordFile {
  name: string;
  /** Normalised headers, in file order (JSON: every key seen). */
  headers: string[];
  records: FieldRecord[];
}

/** "Ticket ID", "ticket_id" and "ticketId" are the same column. */
const normaliseKey = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Reads `path` (by default the name itself); messages name the file as the user wrote it. */
export async function readRecordFile(name: string, path = name): Promise<RecordFile> {
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw describeOpenError(name, error);
  }
  if (text.trim() === '') throw new InputError(name, 'is empty');
  const file = /^\s*[[{]/.test(text) ? readJson(name, text) : readCsvText(name, text);
  // A file named on the command line with nothing in it is a mistake, not an empty result.
  if (file.records.length === 0) throw new InputError(name, 'has no records (only a header, or an empty array)');
  return file;
}

function readCsvText(name: string, text: string): RecordFile {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { delimiter: sniffDelimiter(text), info: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new InputError(name, e.message.replace(/^Invalid Record Length: /, '').replace(/ on line \d+$/, ''), e.lines);
  }
  const [head, ...body] = rows;
  const headers = head!.record.map(normaliseKey);
  let previousEnd = head!.info.lines;
  const records = body.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { line, values: new Map<string, unknown>(headers.map((h, i) => [h, record[i]])) };
  });
  return { name, headers, records };
}

function readJson(name: string, text: string): RecordFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(name, 'is not valid JSON', jsonErrorPlace(text, error).line);
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const arrays = Object.values(data).filter(Array.isArray);
    if (arrays.length === 1) data = arrays[0];
  }
  if (!Array.isArray(data)) throw new InputError(name, 'JSON must be an array of records (or an object holding one array)');
  const lines = elementLines(text, data.length);
  const headers = new Set<string>();
  const records = data.map((item, i) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new InputError(name, `record ${i + 1} is not an object`, lines[i]);
    }
    const values = new Map<string, unknown>();
    for (const [key, value] of Object.entries(item)) {
      headers.add(normaliseKey(key));
      values.set(normaliseKey(key), value);
    }
    return { line: lines[i]!, values };
  });
  return { name, headers: [...headers], records };
}

/**
 * The line each element of the (first) record array starts on: scans once for the array that
 * holds the records and counts depth, skipping strings.
 */
function elementLines(text: string, count: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let arrayDepth = -1;
  let expectElement = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    else if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (expectElement) lines.push(line);
      expectElement = false;
    } else if (ch === '[' || ch === '{') {
      if (expectElement) lines.push(line);
      expectElement = false;
      depth++;
      if (ch === '[' && arrayDepth < 0) {
        arrayDepth = depth;
        expectElement = true;
      }
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === arrayDepth) expectElement = true;
    else if (expectElement && !/\s/.test(ch)) {
      lines.push(line);
      expectElement = false;
    }
  }
  return lines;
}

/** A column spec: the field name shown in errors and the headers that may hold it. */
export interface ColumnSpec {
  field: string;
  aliases: readonly string[];
  required: boolean;
}

/** For each field, the normalised header that holds it (undefined when absent). */
export function bindColumns(file: RecordFile, specs: readonly ColumnSpec[]): Record<string, string | undefined> {
  const bound: Record<string, string | undefined> = {};
  for (const spec of specs) {
    const header = spec.aliases.map(normaliseKey).find((a) => file.headers.includes(a));
    if (header === undefined && spec.required) {
      throw new InputError(
        file.name,
        `no "${spec.field}" column (accepted names: ${spec.aliases.join(', ')}; found: ${file.headers.join(', ') || 'none'})`,
      );
    }
    bound[spec.field] = header;
  }
  return bound;
}

/** The cell as trimmed text; '' when empty or absent. */
export function cellText(record: FieldRecord, header: string | undefined): string {
  if (header === undefined) return '';
  const value = record.values.get(header);
  return value === null || value === undefined ? '' : String(value).trim();
}
