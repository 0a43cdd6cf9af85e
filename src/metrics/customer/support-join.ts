import { dictionaryValue, type DictionaryColumn, type TicketTable } from '../../model/table.js';
import { csatOf, csatScaleOf } from '../csat.js';
import type { Csat, CsatSatisfiedFrom } from '../types.js';

/**
 * Support load and CSAT of churned versus retained customers: account ids are matched to the
 * tickets' organization or requester (whichever matches more tickets). Only counts leave this
 * module, never the ids themselves, so no requester name or email reaches the output.
 */

export interface StandingSupport {
  customers: number;
  /** Customers with at least one ticket. */
  customersWithTickets: number;
  tickets: number;
  ticketsPerCustomer: number | null;
  csat: Csat;
}

export interface SupportByStanding {
  joinedOn: 'organization' | 'requester';
  matchedTickets: number;
  churned: StandingSupport;
  retained: StandingSupport;
}

export interface JoinOptions {
  /** Whether the export marks surveys offered but unanswered (enables the response rate). */
  recordsOffers: boolean;
  csatSatisfiedFrom: CsatSatisfiedFrom;
}

const normalise = (id: string): string => id.trim().toLowerCase();

/** Per ticket row, the standing of the customer it belongs to through `column`, or undefined. */
function standingPerRow(
  table: TicketTable,
  column: DictionaryColumn,
  standing: ReadonlyMap<string, 'retained' | 'churned'>,
): { rows: Record<'retained' | 'churned', number[]>; customers: Record<'retained' | 'churned', Set<string>> } {
  const rows = { retained: [] as number[], churned: [] as number[] };
  const customers = { retained: new Set<string>(), churned: new Set<string>() };
  for (let row = 0; row < table.length; row++) {
    const value = dictionaryValue(column, row);
    if (value === undefined) continue;
    const id = normalise(value);
    const state = standing.get(id);
    if (state === undefined) continue;
    rows[state].push(row);
    customers[state].add(id);
  }
  return { rows, customers };
}

export function supportByStanding(
  table: TicketTable,
  standing: ReadonlyMap<string, 'retained' | 'churned'>,
  options: JoinOptions,
): SupportByStanding | null {
  const byId = new Map([...standing].map(([id, state]) => [normalise(id), state]));
  const candidates = (['organization', 'requester'] as const).map((joinedOn) => ({
    joinedOn,
    ...standingPerRow(table, table[joinedOn], byId),
  }));
  const matched = (c: (typeof candidates)[number]): number => c.rows.retained.length + c.rows.churned.length;
  const best = matched(candidates[1]!) > matched(candidates[0]!) ? candidates[1]! : candidates[0]!;
  if (matched(best) === 0) return null;
  const scale = csatScaleOf(table);
  const counts = { retained: 0, churned: 0 };
  for (const state of byId.values()) counts[state]++;
  const side = (state: 'retained' | 'churned'): StandingSupport => ({
    customers: counts[state],
    customersWithTickets: best.customers[state].size,
    tickets: best.rows[state].length,
    ticketsPerCustomer: counts[state] > 0 ? best.rows[state].length / counts[state] : null,
    csat: csatOf(table, Int32Array.from(best.rows[state]), scale, options.recordsOffers, options.csatSatisfiedFrom),
  });
  return { joinedOn: best.joinedOn, matchedTickets: matched(best), churned: side('churned'), retained: side('retained') };
}
