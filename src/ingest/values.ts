import type { Channel, Priority, Status, Ticket } from '../model/ticket.js';
import { parseCommonTimestampAt, parseTimestamp } from '../model/time.js';

/** A cell or row that cannot be read; the row is skipped and reported with this reason. */
export class CellError extends Error {}

/** A CellError that knows the column it failed on. */
export class RowError extends CellError {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

const EMPTY = new Set(['', '-', 'null', 'NULL', 'n/a', 'N/A']);
/** Longest spelling in EMPTY: a longer cell without surrounding blanks is never empty. */
const LONGEST_EMPTY = 4;
export const isEmptyCell = (raw: string | undefined): raw is undefined => {
  if (raw === undefined) return true;
  // Checked once per cell of every row: skip the trim (a new string) in the usual case.
  if (raw.length > LONGEST_EMPTY && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32) return false;
  return EMPTY.has(raw.trim());
};

export function readText(raw: string | undefined): string | undefined {
  if (isEmptyCell(raw)) return undefined;
  return raw.trim();
}

export function readCount(raw: string | undefined): number | undefined {
  if (isEmptyCell(raw)) return undefined;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0) throw new CellError(`not a whole number ≥ 0: "${clip(raw)}"`);
  return value;
}

/** A duration column in the unit given, returned in minutes. Negative durations are errors. */
export function readDuration(raw: string | undefined, unit: 'minutes' | 'seconds' | 'hours'): number | undefined {
  if (isEmptyCell(raw)) return undefined;
  const text = raw.trim();
  let minutes: number;
  if (text.includes(':')) {
    minutes = readClockDuration(text);
  } else {
    const value = Number(text);
    if (!Number.isFinite(value)) throw new CellError(`not a duration: "${clip(raw)}"`);
    minutes = unit === 'minutes' ? value : unit === 'seconds' ? value / 60 : value * 60;
  }
  if (minutes < 0) throw new CellError(`negative duration: "${clip(raw)}"`);
  return minutes;
}

/** `hh:mm[:ss]` (Freshdesk), hours may exceed 24. Returns minutes. */
function readClockDuration(text: string): number {
  const match = /^(-?)(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(text);
  if (!match) throw new CellError(`not a duration: "${clip(text)}"`);
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3]) + Number(match[4] ?? 0) / 60);
}

/** 9 to 13 digits: epoch seconds or milliseconds (a character loop: the regex it replaces stood out in profiles). */
function isEpochNumber(text: string): boolean {
  if (text.length < 9 || text.length > 13) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function readInstant(raw: string | undefined, tz: string): number | undefined {
  if (isEmptyCell(raw)) return undefined;
  // The usual shape first, read without trimming or slicing.
  const common = parseCommonTimestampAt(raw, 0, raw.length, tz);
  if (!Number.isNaN(common)) return common;
  const text = raw.trim();
  // Unix seconds (Intercom, Zendesk generated_timestamp) or milliseconds.
  if (isEpochNumber(text)) return text.length > 11 ? Number(text) : Number(text) * 1000;
  const value = parseTimestamp(text, tz);
  if (value !== undefined && Number.isNaN(value)) throw new CellError(`not a date and time: "${clip(raw)}"`);
  return value;
}

/**
 * A lookup of spellings, as a Map: an object literal would answer "constructor" or "__proto__"
 * from its prototype, and a cell may hold any word.
 */
export const wordMap = <T>(words: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(words));

/**
 * The reading of a cell's spelling in `words`, case and surrounding blanks aside. API exports
 * write the word as it is listed: that is tried first, without trimming or lowering.
 */
const spelling = <T>(words: ReadonlyMap<string, T>, raw: string): T | undefined => words.get(raw) ?? words.get(raw.trim().toLowerCase());

const STATUS_WORDS = wordMap<Status>({
  new: 'new',
  open: 'open',
  active: 'open',
  pending: 'pending',
  snoozed: 'pending',
  hold: 'hold',
  'on-hold': 'hold',
  'on hold': 'hold',
  solved: 'solved',
  resolved: 'solved',
  closed: 'closed',
});

/** Status, or undefined for a value csops does not know (counted by the caller). */
export function readStatus(raw: string | undefined): Status | undefined {
  if (isEmptyCell(raw)) return undefined;
  return spelling(STATUS_WORDS, raw) ?? (raw.trim().toLowerCase().startsWith('waiting on') ? 'pending' : undefined);
}

const PRIORITY_WORDS = wordMap<Priority>({
  low: 'low',
  normal: 'normal',
  medium: 'normal',
  high: 'high',
  urgent: 'urgent',
  '1': 'low',
  '2': 'normal',
  '3': 'high',
  '4': 'urgent',
});

export function readPriority(raw: string | undefined): Priority | undefined {
  if (isEmptyCell(raw)) return undefined;
  return spelling(PRIORITY_WORDS, raw);
}

/**
 * Channel from the many spellings helpdesks use: Zendesk CSV labels ("Mail", "Web Form"),
 * API via types ("email", "web", 4 = mail), Freshdesk sources, Intercom channels.
 */
const CHANNEL_WORDS = wordMap<Channel>({
  mail: 'email',
  email: 'email',
  'e-mail': 'email',
  'outbound email': 'email',
  '4': 'email',
  web: 'web',
  'web form': 'web',
  web_form: 'web',
  portal: 'web',
  'help center': 'web',
  'feedback widget': 'web',
  'feedback tab': 'web',
  '0': 'web',
  chat: 'chat',
  'live chat': 'chat',
  messaging: 'chat',
  messenger: 'chat',
  conversation: 'chat',
  'native messaging': 'chat',
  phone: 'phone',
  voice: 'phone',
  'phone call (incoming)': 'phone',
  'phone call (outgoing)': 'phone',
  'call back': 'phone',
  sms: 'phone',
  twitter: 'social',
  facebook: 'social',
  'facebook messenger': 'social',
  'twitter direct message': 'social',
  whatsapp: 'social',
  instagram: 'social',
  'instagram direct': 'social',
  line: 'social',
  wechat: 'social',
  social: 'social',
  api: 'api',
  'web service': 'api',
  'web service (api)': 'api',
  web_service: 'api',
  '5': 'api',
});

export function readChannel(raw: string | undefined): Channel | undefined {
  if (isEmptyCell(raw)) return undefined;
  return spelling(CHANNEL_WORDS, raw) ?? 'other';
}

/** Tags: Zendesk writes them space-separated, most others comma-separated. */
export function readTags(raw: string | undefined, separator: 'space' | 'comma'): string[] | undefined {
  if (isEmptyCell(raw)) return undefined;
  const parts = raw.split(separator === 'space' ? /\s+/ : /\s*,\s*/).filter((t) => t !== '');
  return parts.length > 0 ? parts : undefined;
}

/**
 * Satisfaction cells: helpdesk CSAT states (Good, Bad, Offered, Not Offered/Unoffered) or a
 * numeric answer. A bare number is on the 1–5 scale unless the column says 0–10.
 */
export function readSatisfaction(raw: string | undefined, numericScale: '1-5' | '0-10' = '1-5'): Ticket['satisfaction'] {
  if (isEmptyCell(raw)) return undefined;
  const word = raw.trim().toLowerCase();
  switch (word) {
    case 'good':
    case 'good with comment':
    case 'good without comment':
      return 'good';
    case 'bad':
    case 'bad with comment':
    case 'bad without comment':
      return 'bad';
    case 'offered':
      return 'offered';
    case 'unoffered':
    case 'not offered':
      return 'unoffered';
  }
  const score = Number(word);
  const max = numericScale === '1-5' ? 5 : 10;
  const min = numericScale === '1-5' ? 1 : 0;
  if (!Number.isFinite(score) || score < min || score > max) throw new CellError(`not a satisfaction rating: "${clip(raw)}"`);
  return { score, scale: numericScale };
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 37)}…` : text);
