import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import { DIMENSIONS, type MetricSet } from '../../src/metrics/types.js';
import { tableFromTickets } from '../../src/model/table.js';
import { CHANNELS, PRIORITIES, STATUSES, type Ticket } from '../../src/model/ticket.js';

const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Tickets with every field sometimes missing, as real exports are. */
const ticket = (id: number) =>
  fc
    .record({
      createdAt: fc.integer({ min: START, max: START + 60 * DAY }),
      status: maybe(fc.constantFrom(...STATUSES)),
      priority: maybe(fc.constantFrom(...PRIORITIES)),
      channel: maybe(fc.constantFrom(...CHANNELS)),
      assignee: maybe(fc.constantFrom('Ana', 'Bo', 'Cy')),
      group: maybe(fc.constantFrom('Support', 'Billing')),
      firstReplyMinutes: maybe(fc.double({ min: 0, max: 10_000, noNaN: true })),
      fullResolutionMinutes: maybe(fc.double({ min: 0, max: 100_000, noNaN: true })),
      replies: maybe(fc.integer({ min: 0, max: 5 })),
      reopens: maybe(fc.integer({ min: 0, max: 2 })),
      satisfaction: maybe(fc.constantFrom('good', 'bad', 'offered', 'unoffered') as fc.Arbitrary<'good' | 'bad' | 'offered' | 'unoffered'>),
    })
    .map((fields): Ticket => {
      const t: Ticket = { id: String(id), createdAt: fields.createdAt };
      for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(t, { [key]: value });
      return t;
    });

const tickets = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ticket(i + 1))));

const DISTRIBUTIONS = ['firstReplyMinutes', 'firstReplyMinutesBusiness', 'firstResolutionMinutes', 'fullResolutionMinutes', 'fullResolutionMinutesBusiness'] as const;

function rates(set: MetricSet): (number | null | undefined)[] {
  return [set.fcr?.rate, set.oneTouch?.rate, set.reopenRate, set.csat?.score, set.csat?.responseRate, set.serviceLevel?.rate];
}

describe('metric invariants on any tickets', () => {
  it('percentiles never decrease (median ≤ p90 ≤ p95) and every rate is in [0, 1]', () => {
    fc.assert(
      fc.property(tickets, (list) => {
        const { summary } = computeMetrics(tableFromTickets(list), { tz: 'UTC' });
        for (const name of DISTRIBUTIONS) {
          const d = summary[name];
          if (!d || d.count === 0) continue;
          expect(d.median!).toBeLessThanOrEqual(d.p90!);
          expect(d.p90!).toBeLessThanOrEqual(d.p95!);
        }
        for (const rate of rates(summary)) {
          if (rate === null || rate === undefined) continue;
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each(DIMENSIONS)('splitting by %s sums back to the total', (dimension) => {
    fc.assert(
      fc.property(tickets, (list) => {
        const result = computeMetrics(tableFromTickets(list), { tz: 'Europe/Berlin', by: [dimension] });
        const groups = result.groups[dimension]!;
        const sum = (pick: (set: MetricSet) => number | null | undefined): number => groups.reduce((total, g) => total + (pick(g) ?? 0), 0);
        const { summary } = result;
        expect(sum((g) => g.created)).toBe(summary.created);
        expect(sum((g) => g.solved)).toBe(summary.solved);
        expect(sum((g) => g.unanswered)).toBe(summary.unanswered ?? 0);
        expect(sum((g) => g.firstReplyMinutes?.count)).toBe(summary.firstReplyMinutes?.count ?? 0);
        expect(sum((g) => g.fcr?.eligible)).toBe(summary.fcr?.eligible ?? 0);
        expect(sum((g) => g.csat?.responses)).toBe(summary.csat?.responses ?? 0);
      }),
      { numRuns: 60 },
    );
  });
});
