import { ticketId, type TicketTable } from '../model/table.js';
import { STATUSES } from '../model/ticket.js';

/**
 * Two facts the checklist needs that the metrics result does not carry: how many tickets are
 * categorised (have a tag) and which tickets have waited longest. They are counts over the
 * table, not metrics, so they are taken here rather than re-deriving anything from src/metrics.
 */
export interface ExportFacts {
  tickets: number;
  tagged: number;
  /** The instant the export describes: its latest created/updated/solved timestamp (epoch ms). */
  asOf: number | null;
  /** Tickets new or open (waiting on the team, not the customer), oldest first, at most `limit`. */
  oldestWaiting: { id: string; waitingMinutes: number }[];
  /** All new or open tickets. */
  waiting: number;
}

/** new and open wait on the team; pending and hold wait on someone else. */
const WAITING = new Set([STATUSES.indexOf('new'), STATUSES.indexOf('open')]);

export function exportFacts(table: TicketTable, limit = 3): ExportFacts {
  let tagged = 0;
  let asOf = Number.NEGATIVE_INFINITY;
  const waitingRows: number[] = [];
  for (let row = 0; row < table.length; row++) {
    if ((table.tags[row]?.length ?? 0) > 0) tagged++;
    for (const at of [table.createdAt[row]!, table.updatedAt[row]!, table.solvedAt[row]!]) {
      if (at > asOf) asOf = at;
    }
    if (WAITING.has(table.status[row]!)) waitingRows.push(row);
  }
  if (!Number.isFinite(asOf)) {
    return { tickets: table.length, tagged, asOf: null, oldestWaiting: [], waiting: waitingRows.length };
  }
  waitingRows.sort((a, b) => table.createdAt[a]! - table.createdAt[b]!);
  const oldestWaiting = waitingRows.slice(0, limit).map((row) => ({
    id: ticketId(table, row),
    waitingMinutes: (asOf - table.createdAt[row]!) / 60_000,
  }));
  return { tickets: table.length, tagged, asOf, oldestWaiting, waiting: waitingRows.length };
}
