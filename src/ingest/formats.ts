import { plainIntegerAt } from '../model/digits.js';
import { integerIdAt } from '../model/table.js';
import type { Ticket } from '../model/ticket.js';
import { parseCommonTimestampAt } from '../model/time.js';
import {
  readChannel,
  readCount,
  readDuration,
  readInstant,
  readPriority,
  readSatisfaction,
  readStatus,
  readTags,
  readText,
} from './values.js';

export const FORMAT_IDS = [
  'zendesk-csv',
  'zendesk-json',
  'freshdesk-csv',
  'helpscout-csv',
  'intercom-csv',
  'generic-csv',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export type TicketField = Exclude<keyof Ticket, 'channelRaw'>;

/** Reads one cell into a canonical field value; `tz` is the zone for wall-clock timestamps. */
export interface CellReader {
  (raw: string | undefined, tz: string): unknown;
  /**
   * The cell's usual shape read in place from text[from, to) (no string per cell: a large export
   * has millions of number and date cells): the value the reader gives, or NaN where the reader
   * itself must look.
   */
  at?: (text: string, from: number, to: number, tz: string) => number;
  /** The column holds a few distinct values (statuses, channels): each one's reading is remembered. */
  few?: true;
}

export interface CsvFieldSpec {
  field: TicketField;
  /** Header names, matched after normalisation (case, spacing, Intercom's "(Zone)" suffix). */
  headers: readonly string[];
  read: CellReader;
}

export interface CsvFormat {
  id: FormatId;
  label: string;
  /** Headers that, all present, identify the format. */
  signature: readonly string[];
  fields: readonly CsvFieldSpec[];
}

/** A reader with traits (a fresh function: the shared readers such as `text` keep none). */
const withTraits = (read: CellReader, traits: Pick<CellReader, 'at' | 'few'>): CellReader =>
  Object.assign((raw: string | undefined, tz: string) => read(raw, tz), traits);
const withAt = (read: CellReader, at: NonNullable<CellReader['at']>): CellReader => withTraits(read, { at });
const few = (read: CellReader): CellReader => withTraits(read, { few: true });

const text: CellReader = (raw) => readText(raw);
/** A ticket id: text, taken in place as a number when it is a plain integer (see TicketTableBuilder). */
const id = withAt(text, integerIdAt);
const count = withAt((raw) => readCount(raw), plainIntegerAt);
const instant = withAt((raw, tz) => readInstant(raw, tz), parseCommonTimestampAt);
const minutes = withAt((raw) => readDuration(raw, 'minutes'), plainIntegerAt);
const seconds = withAt((raw) => readDuration(raw, 'seconds'), (cells, from, to) => plainIntegerAt(cells, from, to) / 60);
const clockHours: CellReader = (raw) => readDuration(raw, 'hours');

const status = few((raw) => readStatus(raw));
const priority = few((raw) => readPriority(raw));
const channel = few((raw) => readChannel(raw));
const spaceTags: CellReader = (raw) => readTags(raw, 'space');
const commaTags: CellReader = (raw) => readTags(raw, 'comma');
const satisfaction = few((raw) => readSatisfaction(raw, '1-5'));

/** Zendesk's legacy ticket CSV export (research/formats.md §1a), also its Explore attribute names. */
const ZENDESK_CSV: CsvFormat = {
  id: 'zendesk-csv',
  label: 'Zendesk CSV export',
  signature: ['id', 'created at'],
  fields: [
    { field: 'id', headers: ['Id'], read: id },
    { field: 'createdAt', headers: ['Created at'], read: instant },
    { field: 'updatedAt', headers: ['Updated at'], read: instant },
    { field: 'solvedAt', headers: ['Solved at'], read: instant },
    { field: 'firstReplyMinutes', headers: ['First reply time in minutes'], read: minutes },
    { field: 'firstReplyMinutesBusiness', headers: ['First reply time in minutes within business hours'], read: minutes },
    { field: 'firstResolutionMinutes', headers: ['First resolution time in minutes'], read: minutes },
    { field: 'fullResolutionMinutes', headers: ['Full resolution time in minutes'], read: minutes },
    {
      field: 'fullResolutionMinutesBusiness',
      headers: ['Full resolution time in minutes within business hours'],
      read: minutes,
    },
    // The Time Tracking app's ticket field; custom fields carry their type in the CSV header.
    { field: 'handleMinutes', headers: ['Total time spent (sec)', 'Total time spent (sec) [int]'], read: seconds },
    { field: 'status', headers: ['Status'], read: status },
    { field: 'priority', headers: ['Priority'], read: priority },
    { field: 'channel', headers: ['Via'], read: channel },
    { field: 'assignee', headers: ['Assignee'], read: text },
    { field: 'group', headers: ['Group'], read: text },
    // `requester` is the id only: the accounts join matches it against customer ids, and a name is
    // not one (two people share a name; a person renames). Without an id column it stays empty.
    { field: 'requester', headers: ['Requester id'], read: text },
    // Email before name: whichever column the export has. Printed only with --show-requesters.
    { field: 'requesterContact', headers: ['Requester email', 'Requester', 'Requester name'], read: text },
    { field: 'organization', headers: ['Organization', 'Organization Name'], read: text },
    { field: 'tags', headers: ['Tags'], read: spaceTags },
    { field: 'replies', headers: ['Replies'], read: count },
    { field: 'reopens', headers: ['Reopens'], read: count },
    { field: 'satisfaction', headers: ['Satisfaction Score'], read: satisfaction },
  ],
};

/** Freshdesk ticket export (research/formats.md §2): user-chosen columns, `hh:mm:ss` durations. */
const FRESHDESK_CSV: CsvFormat = {
  id: 'freshdesk-csv',
  label: 'Freshdesk ticket export',
  signature: ['ticket id', 'created time'],
  fields: [
    { field: 'id', headers: ['Ticket ID', 'Ticket Id'], read: id },
    { field: 'createdAt', headers: ['Created time'], read: instant },
    { field: 'updatedAt', headers: ['Last update time', 'Last updated time'], read: instant },
    { field: 'solvedAt', headers: ['Resolved time', 'Closed time'], read: instant },
    { field: 'firstReplyAt', headers: ['Initial response time'], read: instant },
    // The "(in hrs)" columns are business-hours figures in Freshdesk (their keys end in _bhrs).
    { field: 'firstReplyMinutesBusiness', headers: ['First response time (in hrs)'], read: clockHours },
    { field: 'fullResolutionMinutesBusiness', headers: ['Resolution time (in hrs)'], read: clockHours },
    { field: 'status', headers: ['Status'], read: status },
    { field: 'priority', headers: ['Priority'], read: priority },
    { field: 'channel', headers: ['Source'], read: channel },
    { field: 'assignee', headers: ['Agent'], read: text },
    { field: 'group', headers: ['Group'], read: text },
    { field: 'requester', headers: ['Contact ID'], read: text },
    { field: 'requesterContact', headers: ['Email', 'Requester Email', 'Full name', 'Requester Name'], read: text },
    { field: 'organization', headers: ['Company Name'], read: text },
    { field: 'tags', headers: ['Tags'], read: commaTags },
    { field: 'replies', headers: ['Agent interactions'], read: count },
    { field: 'satisfaction', headers: ['Survey results', 'Survey result'], read: satisfaction },
  ],
};

/**
 * Help Scout conversation export. Help Scout does not publish the CSV header list, so these are
 * the names its reports and API use; `--map` covers a file that names them otherwise.
 */
const HELPSCOUT_CSV: CsvFormat = {
  id: 'helpscout-csv',
  label: 'Help Scout conversation export',
  signature: ['conversation number', 'mailbox'],
  fields: [
    { field: 'id', headers: ['Conversation Number', 'Conversation ID'], read: id },
    { field: 'createdAt', headers: ['Created At', 'Created', 'Date Created'], read: instant },
    { field: 'updatedAt', headers: ['Modified At', 'Updated At', 'Last Updated'], read: instant },
    { field: 'solvedAt', headers: ['Closed At', 'Resolved At'], read: instant },
    { field: 'firstReplyAt', headers: ['First Response At', 'First Reply At'], read: instant },
    { field: 'firstReplyMinutes', headers: ['First Response Time (minutes)'], read: minutes },
    { field: 'status', headers: ['Status'], read: status },
    { field: 'channel', headers: ['Source', 'Type'], read: channel },
    { field: 'assignee', headers: ['Assigned To', 'Assignee'], read: text },
    { field: 'group', headers: ['Mailbox'], read: text },
    { field: 'requester', headers: ['Customer ID'], read: text },
    { field: 'requesterContact', headers: ['Customer Email', 'Customer Name'], read: text },
    { field: 'organization', headers: ['Company', 'Customer Company'], read: text },
    { field: 'tags', headers: ['Tags'], read: commaTags },
    { field: 'replies', headers: ['Replies', 'Replies Sent'], read: count },
    { field: 'satisfaction', headers: ['Rating', 'Happiness Rating'], read: satisfaction },
  ],
};

/** Intercom's UI conversation export (research/formats.md §4): zone in the header, seconds. */
const INTERCOM_CSV: CsvFormat = {
  id: 'intercom-csv',
  label: 'Intercom conversation export',
  signature: ['conversation id', 'conversation started at'],
  fields: [
    { field: 'id', headers: ['Conversation ID'], read: id },
    { field: 'createdAt', headers: ['Conversation started at', 'Conversation created at'], read: instant },
    { field: 'updatedAt', headers: ['Conversation updated at'], read: instant },
    { field: 'solvedAt', headers: ['Conversation last closed at'], read: instant },
    { field: 'firstReplyAt', headers: ['Conversation first replied at'], read: instant },
    { field: 'firstReplyMinutes', headers: ['First response time (seconds)'], read: seconds },
    {
      field: 'firstReplyMinutesBusiness',
      headers: ['First response time, only within office hours (seconds)'],
      read: seconds,
    },
    { field: 'firstResolutionMinutes', headers: ['Time to first close (seconds)'], read: seconds },
    { field: 'fullResolutionMinutes', headers: ['Time to close (seconds)'], read: seconds },
    { field: 'fullResolutionMinutesBusiness', headers: ['Time to close, within office hours (seconds)'], read: seconds },
    { field: 'handleMinutes', headers: ['Handling time (seconds)'], read: seconds },
    { field: 'status', headers: ['Current conversation state'], read: status },
    { field: 'channel', headers: ['Channel'], read: channel },
    { field: 'assignee', headers: ['Teammate currently assigned'], read: text },
    { field: 'group', headers: ['Team currently assigned'], read: text },
    { field: 'requester', headers: ['User ID'], read: text },
    { field: 'requesterContact', headers: ['User email'], read: text },
    { field: 'organization', headers: ['Company name'], read: text },
    { field: 'tags', headers: ['Conversation tag', 'Conversation tags'], read: commaTags },
    { field: 'replies', headers: ['Replies to close a conversation'], read: count },
    { field: 'satisfaction', headers: ['Last teammate rating'], read: satisfaction },
  ],
};

export const CSV_FORMATS: readonly CsvFormat[] = [ZENDESK_CSV, FRESHDESK_CSV, INTERCOM_CSV, HELPSCOUT_CSV];

/** The reader a generic `--map field=Column` uses for each canonical field. */
export const GENERIC_READERS: Record<TicketField, CellReader> = {
  id,
  createdAt: instant,
  firstReplyAt: instant,
  solvedAt: instant,
  updatedAt: instant,
  firstReplyMinutes: minutes,
  firstResolutionMinutes: minutes,
  fullResolutionMinutes: minutes,
  firstReplyMinutesBusiness: minutes,
  fullResolutionMinutesBusiness: minutes,
  handleMinutes: minutes,
  status,
  priority,
  channel,
  assignee: text,
  group: text,
  requester: text,
  requesterContact: text,
  organization: text,
  tags: commaTags,
  replies: count,
  reopens: count,
  satisfaction,
};

export const TICKET_FIELDS = Object.keys(GENERIC_READERS) as TicketField[];
