import type { OmittableField, TicketTableBuilder } from '../model/table.js';
import { checkTimes, countUnrecognised, type IngestStats, type ReadingClock } from './derive.js';
import {
  CellError,
  RowError,
  readChannel,
  readCount,
  readInstant,
  readPriority,
  readSatisfaction,
  readStatus,
} from './values.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An id, or the name of an embedded object (the full JSON export embeds users and groups). */
function reference(ticket: Json, idKey: string, objectKey: string, prefer: 'name' | 'id'): string | undefined {
  const embedded = ticket[objectKey];
  if (isObject(embedded)) {
    const value = prefer === 'name' ? (embedded.name ?? embedded.id) : (embedded.id ?? embedded.name);
    if (value !== undefined && value !== null && value !== '') return String(value);
  }
  const id = ticket[idKey];
  return id === undefined || id === null || id === '' ? undefined : String(id);
}

/** The embedded requester's email, else name (the full export embeds users; see zendeskDocumentTickets for API pages). */
function requesterContact(ticket: Json): string | undefined {
  const requester = ticket.requester;
  if (!isObject(requester)) return undefined;
  for (const key of ['email', 'name']) {
    const value = requester[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

const asText = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === 'string' ? value : String(value);

/** `{calendar, business}` minute objects of the ticket metrics API; nulls mean "not measured yet". */
function minutesOf(value: unknown, variant: 'calendar' | 'business', field: string): number | undefined {
  if (!isObject(value)) return undefined;
  const raw = value[variant];
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== 'number') throw new RowError(`not a number of minutes: ${JSON.stringify(raw)}`, `${field}.${variant}`);
  // A JSON number needs no reading: only the sign is checked, as readDuration does for text.
  if (raw < 0) throw new RowError(`negative duration: "${raw}"`, `${field}.${variant}`);
  return raw;
}

/** When and how JSON tickets are read; `omit`: fields the command does not use, left unread. */
export interface JsonReading extends ReadingClock {
  omit?: readonly OmittableField[];
}

/** Writes one Zendesk API ticket into the row the builder is writing; see zendeskTicketWriter. */
export type ZendeskTicketWriter = (raw: unknown, metricSet: Json | undefined) => void;

/** A JSON count (replies, reopens): a number as it is, anything else read as text. */
function countOf(value: unknown): number | undefined {
  // The usual case without the round trip through text; -0 and fractions take the text path.
  if (typeof value === 'number' && value > 0 && Number.isInteger(value)) return value;
  return readCount(asText(value));
}

/**
 * Writes Zendesk API tickets (REST, incremental export, or a line of the full JSON export) into
 * the row `builder` is writing (see TicketTableBuilder.startRow), straight into its columns; the
 * writer throws a RowError for a ticket to skip. Its `metricSet` is the ticket's metric set when
 * it came side-loaded. Made once per file: what to read is settled before the first ticket.
 */
export function zendeskTicketWriter(reading: JsonReading, stats: IngestStats, builder: TicketTableBuilder): ZendeskTicketWriter {
  const { tz, now } = reading;
  const reads = (omittable: OmittableField): boolean => reading.omit === undefined || !reading.omit.includes(omittable);
  const readsRequester = reads('requester');
  const readsContact = reads('requesterContact');
  const readsOrganization = reads('organization');
  const readsTags = reads('tags');
  const cells = builder.cells;
  return (raw, metricSet) => {
    // The field being read, for the message of a cell that cannot be: set before each reading
    // that may throw (one try for the ticket: a closure per field cost a tenth of the time).
    let field = 'created_at';
    try {
      if (!isObject(raw)) throw new RowError('not a JSON object');
      const id = raw.id;
      if (id === undefined || id === null || id === '') throw new RowError('no ticket id', 'id');
      const metrics = isObject(raw.metric_set) ? raw.metric_set : metricSet;
      const createdAt = readInstant(asText(raw.created_at), tz);
      if (createdAt === undefined) throw new RowError('empty created-at date', 'created_at');
      const via = raw.via;
      const channelRaw = isObject(via) ? asText(via.channel) : asText(via);
      // A whole-number id goes in as the number the table keeps it as.
      cells.id.set(typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : String(id));
      cells.createdAt.set(createdAt);
      field = 'updated_at';
      cells.updatedAt.set(readInstant(asText(raw.updated_at), tz));
      const statusText = asText(raw.status);
      const status = readStatus(statusText);
      if (status === undefined) countUnrecognised(stats.unrecognisedStatus, statusText);
      cells.status.set(status);
      const priorityText = asText(raw.priority);
      const priority = readPriority(priorityText);
      if (priority === undefined) countUnrecognised(stats.unrecognisedPriority, priorityText);
      cells.priority.set(priority);
      cells.channel.set(readChannel(channelRaw));
      cells.channelRaw.set(channelRaw);
      cells.assignee.set(reference(raw, 'assignee_id', 'assignee', 'name'));
      cells.group.set(reference(raw, 'group_id', 'group', 'name'));
      if (readsRequester) cells.requester.set(reference(raw, 'requester_id', 'requester', 'id'));
      if (readsContact) cells.requesterContact.set(requesterContact(raw));
      if (readsOrganization) cells.organization.set(reference(raw, 'organization_id', 'organization', 'name'));
      if (readsTags && Array.isArray(raw.tags) && raw.tags.length > 0) cells.tags.set(raw.tags.map(String));
      const rating = raw.satisfaction_rating;
      field = 'satisfaction_rating';
      cells.satisfaction.set(readSatisfaction(isObject(rating) ? asText(rating.score) : asText(rating)));
      let solvedAt: number | undefined;
      if (metrics) {
        field = 'metric_set.solved_at';
        solvedAt = readInstant(asText(metrics.solved_at), tz);
        cells.solvedAt.set(solvedAt);
        const reply = metrics.reply_time_in_minutes;
        cells.firstReplyMinutes.set(minutesOf(reply, 'calendar', 'reply_time_in_minutes'));
        cells.firstReplyMinutesBusiness.set(minutesOf(reply, 'business', 'reply_time_in_minutes'));
        const first = metrics.first_resolution_time_in_minutes;
        cells.firstResolutionMinutes.set(minutesOf(first, 'calendar', 'first_resolution_time_in_minutes'));
        const full = metrics.full_resolution_time_in_minutes;
        cells.fullResolutionMinutes.set(minutesOf(full, 'calendar', 'full_resolution_time_in_minutes'));
        cells.fullResolutionMinutesBusiness.set(minutesOf(full, 'business', 'full_resolution_time_in_minutes'));
        field = 'metric_set.replies';
        cells.replies.set(countOf(metrics.replies));
        field = 'metric_set.reopens';
        cells.reopens.set(countOf(metrics.reopens));
      }
      field = 'metric_set';
      checkTimes(createdAt, Number.NaN, solvedAt ?? Number.NaN, stats, now);
    } catch (error) {
      if (error instanceof CellError && !(error instanceof RowError)) throw new RowError(error.message, field);
      throw error;
    }
  };
}

/**
 * An API page fetched with `include=users` lists the users once, beside the tickets; each ticket
 * gets its requester embedded as the full export does, so one reader serves both shapes.
 */
function embedSideloadedRequesters(tickets: unknown[], users: unknown): unknown[] {
  if (!Array.isArray(users) || users.length === 0) return tickets;
  const byId = new Map<string, Json>();
  for (const user of users) if (isObject(user) && user.id !== undefined && user.id !== null) byId.set(String(user.id), user);
  return tickets.map((ticket) => {
    if (!isObject(ticket) || isObject(ticket.requester) || ticket.requester_id === undefined || ticket.requester_id === null) return ticket;
    const user = byId.get(String(ticket.requester_id));
    return user ? { ...ticket, requester: user } : ticket;
  });
}

/** The tickets and side-loaded metric sets of a JSON document, whatever its Zendesk shape. */
export function zendeskDocumentTickets(document: unknown): { tickets: unknown[]; metricSets: Map<string, Json> } | string {
  const metricSets = new Map<string, Json>();
  if (Array.isArray(document)) return { tickets: document, metricSets };
  if (!isObject(document)) return 'is JSON but not an object or array of tickets';
  if (Array.isArray(document.metric_sets)) {
    for (const set of document.metric_sets) {
      if (isObject(set) && set.ticket_id !== undefined) metricSets.set(String(set.ticket_id), set);
    }
  }
  for (const key of ['tickets', 'results']) {
    const list = document[key];
    if (Array.isArray(list)) return { tickets: embedSideloadedRequesters(list, document.users), metricSets };
  }
  if (isObject(document.ticket)) return { tickets: [document.ticket], metricSets };
  if (Array.isArray(document.ticket_metrics)) return 'holds ticket metrics but no tickets; export tickets with include=metric_sets';
  if (Array.isArray(document.responses) || Array.isArray(document.satisfaction_ratings)) {
    return 'holds survey responses, not tickets; give it to csops report with --surveys';
  }
  return 'is a JSON object without a "tickets" array';
}
