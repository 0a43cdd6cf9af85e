import { fixture } from '../e2e/helpers.js';
import { loadExports, type LoadOptions, type LoadResult, type RowProblem } from '../../src/ingest/load.js';
import { derive } from '../../src/metrics/derive.js';
import { newIngestStats, type IngestStats } from '../../src/ingest/derive.js';
import { zendeskTicketWriter, type JsonReading } from '../../src/ingest/zendesk-json.js';
import { ticketAt, TicketTableBuilder } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';

export interface Loaded extends LoadResult {
  problems: RowProblem[];
  tickets: Ticket[];
}

/** Loads fixture files in-process, collecting skipped-row problems. */
export async function load(paths: string[], options: Partial<LoadOptions> = {}): Promise<Loaded> {
  const problems: RowProblem[] = [];
  const result = await loadExports(
    paths.map((p) => (p.startsWith('/') ? { name: p } : { name: fixture(p) })),
    { tz: 'UTC', onProblem: (p) => problems.push(p), ...options },
  );
  const tickets = Array.from({ length: result.table.length }, (_, i) => ticketAt(result.table, i));
  return { ...result, problems, tickets };
}

export const byId = (tickets: Ticket[], id: string): Ticket => {
  const ticket = tickets.find((t) => t.id === id);
  if (!ticket) throw new Error(`no ticket ${id}`);
  return ticket;
};

/**
 * The calendar durations metrics reads for ticket `id` (UTC): the export's own, else computed from
 * timestamps, which ingest leaves to metrics.
 */
export function derivedMinutes({ table, tickets }: Loaded, id: string): { firstReply: number; fullResolution: number } {
  const row = tickets.indexOf(byId(tickets, id));
  const derived = derive(table, 'UTC');
  return { firstReply: derived.firstReply[row]!, fullResolution: derived.fullResolution[row]! };
}

/** One Zendesk JSON ticket read the way a load reads it, as a canonical ticket. */
export function jsonTicket(raw: unknown, reading: JsonReading, stats: IngestStats = newIngestStats()): Ticket {
  const builder = new TicketTableBuilder();
  builder.startRow();
  zendeskTicketWriter(reading, stats, builder)(raw, undefined);
  builder.commitRow();
  return ticketAt(builder.build(), 0);
}
