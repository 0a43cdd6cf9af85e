import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { computeMetrics } from '../../src/metrics/compute.js';
import type { MetricsOptions, MetricsResult } from '../../src/metrics/types.js';

/** Monday 2024-03-04 09:00 UTC: the base instant of the hand-built tickets. */
export const T0 = Date.UTC(2024, 2, 4, 9, 0);
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

let nextId = 1;
/** A ticket created `at` (default T0) with the given fields. */
export const ticket = (fields: Partial<Ticket> = {}): Ticket => ({ id: String(nextId++), createdAt: T0, ...fields });

/** A solved ticket with one reply, no reopen, replied after `reply` minutes and solved after `solve`. */
export const solved = (reply: number, solve: number, fields: Partial<Ticket> = {}): Ticket =>
  ticket({ status: 'solved', firstReplyMinutes: reply, fullResolutionMinutes: solve, solvedAt: T0 + solve * MIN, replies: 1, reopens: 0, ...fields });

export const metricsOf = (tickets: Ticket[], options: Partial<MetricsOptions> = {}): MetricsResult =>
  computeMetrics(tableFromTickets(tickets), { tz: 'UTC', ...options });
