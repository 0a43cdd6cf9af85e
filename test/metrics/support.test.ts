import { describe, expect, it } from 'vitest';
import { metricSupport } from '../../src/metrics/support.js';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { HOUR, MIN, metricsOf, T0, ticket } from './helpers.js';

const supportOf = (tickets: Ticket[]): Record<string, { supported: boolean; reason: string }> =>
  Object.fromEntries(metricSupport(tableFromTickets(tickets), 'UTC').map(({ metric, ...rest }) => [metric, rest]));

describe('metricSupport', () => {
  it('agrees with the metrics on durations computed from timestamps, and on solved tickets without a status', () => {
    // No durations and no status: only a first reply and a solve time.
    const tickets = [ticket({ firstReplyAt: T0 + 30 * MIN, solvedAt: T0 + 2 * HOUR, replies: 1, reopens: 0 }), ticket({ firstReplyAt: T0 + 90 * MIN })];
    const support = supportOf(tickets);
    const { summary } = metricsOf(tickets);
    expect(summary.firstReplyMinutes).toMatchObject({ count: 2 });
    expect(support['first reply (calendar)']).toEqual({ supported: true, reason: 'first reply timestamps' });
    expect(support['service level']).toEqual({ supported: true, reason: 'first reply timestamps' });
    expect(summary.fullResolutionMinutes).toMatchObject({ count: 1, median: 120 });
    expect(support['full resolution (calendar)']?.supported).toBe(true);
    // Never reopened: the solve time gives the first resolution too.
    expect(summary.firstResolutionMinutes).toMatchObject({ count: 1, median: 120 });
    expect(support['first resolution']?.supported).toBe(true);
    expect(summary.reopenRate).toBe(0);
    expect(support['FCR and one-touch']?.supported).toBe(true);
    expect(support['reopen rate']?.supported).toBe(true);
    expect(support['solved, backlog']?.supported).toBe(true);
  });

  it("names the export's own minutes when it has them, and what is missing when it has neither", () => {
    expect(supportOf([ticket({ firstReplyMinutes: 5 })])['first reply (calendar)']?.reason).toBe('first reply minutes');
    const support = supportOf([ticket({ firstReplyMinutesBusiness: 5, fullResolutionMinutesBusiness: 60, status: 'open' })]);
    expect(support['first reply (calendar)']).toEqual({ supported: false, reason: 'the export has only the business-hours first reply; csops does not substitute it' });
    expect(support['service level']).toEqual({ supported: true, reason: 'business-hours first reply minutes' });
    // Resolution times count for solved tickets only, as in the metrics.
    expect(support['full resolution (business hours)']?.supported).toBe(false);
    expect(support['first resolution']?.supported).toBe(false);
    expect(support['per agent']).toEqual({ supported: false, reason: 'no assignee column' });
    expect(support['handling time']?.supported).toBe(false);
  });
});
