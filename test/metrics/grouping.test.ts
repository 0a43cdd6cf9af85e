import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute.js';
import { derive } from '../../src/metrics/derive.js';
import { tableFromTickets } from '../../src/model/table.js';
import { CHANNELS, PRIORITIES, type Ticket } from '../../src/model/ticket.js';
import { DIMENSIONS, type Dimension, type MetricSet } from '../../src/metrics/types.js';
import { DAY, HOUR, metricsOf, solved, T0, ticket } from './helpers.js';

describe('--by splits', () => {
  const tickets = (): Ticket[] => [
    solved(10, 60, { assignee: 'Ann', group: 'Support', channel: 'email' }),
    solved(20, 60, { assignee: 'Ann', group: 'Support', channel: 'chat' }),
    solved(30, 60, { assignee: 'Bob', group: 'Billing', channel: 'email' }),
    ticket({ status: 'open', group: 'Support', channel: 'email' }),
  ];

  it('one row per agent, most tickets first, tickets without one last', () => {
    const rows = metricsOf(tickets(), { by: ['agent'] }).groups.agent!;
    expect(rows.map((r) => [r.key, r.created, r.solved, r.firstReplyMinutes?.median])).toEqual([
      ['Ann', 2, 2, 15],
      ['Bob', 1, 1, 30],
      ['(none)', 1, 0, null],
    ]);
    expect(rows[2]!.keys).toEqual({ agent: null });
  });

  it('a two-way split keys rows "group / channel" and keeps each dimension', () => {
    const rows = metricsOf(tickets(), { by: ['group', 'channel'] }).groups['group/channel']!;
    expect(rows.map((r) => [r.key, r.created])).toEqual([
      ['Support / email', 2],
      ['Billing / email', 1],
      ['Support / chat', 1],
    ]);
    expect(rows[0]!.keys).toEqual({ group: 'Support', channel: 'email' });
  });

  it('rows carry the same fields as the summary', () => {
    const result = metricsOf(tickets(), { by: ['channel'] });
    for (const row of result.groups.channel!) {
      expect(Object.keys(row).sort()).toEqual([...Object.keys(result.summary), 'key', 'keys'].sort());
    }
  });

  it('refuses a dimension named twice', () => {
    expect(() => metricsOf(tickets(), { by: ['agent', 'agent'] })).toThrow(/twice/);
    expect(() => metricsOf(tickets(), { splits: [['channel'], ['group', 'group']] })).toThrow(/twice/);
  });

  it('several splits in one run give what one run per split gives, each split once', () => {
    const table = tableFromTickets(tickets());
    const derived = derive(table, 'UTC');
    const together = computeMetrics(table, { tz: 'UTC', by: ['agent'], splits: [['group', 'channel'], ['agent'], ['week']] }, derived);
    expect(Object.keys(together.groups)).toEqual(['agent', 'group/channel', 'week']);
    for (const split of [['agent'], ['group', 'channel'], ['week']] as const) {
      const alone = computeMetrics(table, { tz: 'UTC', by: split });
      expect(together.groups[split.join('/')]).toEqual(alone.groups[split.join('/')]);
      expect({ ...together, groups: {} }).toEqual({ ...alone, groups: {} });
    }
  });
});

describe('time splits in the chosen zone', () => {
  // 2024-03-03 23:30 UTC is Sunday in UTC but Monday 00:30 in Berlin (UTC+1 in March).
  const lateSunday = Date.UTC(2024, 2, 3, 23, 30);
  const tickets = (): Ticket[] => [ticket({ createdAt: lateSunday }), ticket({ createdAt: T0 }), ticket({ createdAt: Date.UTC(2024, 3, 1, 12) })];

  it.each([
    ['day', 'UTC', [['2024-03-03', 1], ['2024-03-04', 1], ['2024-04-01', 1]]],
    ['day', 'Europe/Berlin', [['2024-03-04', 2], ['2024-04-01', 1]]],
    ['week', 'UTC', [['2024-02-26', 1], ['2024-03-04', 1], ['2024-04-01', 1]]],
    ['week', 'Europe/Berlin', [['2024-03-04', 2], ['2024-04-01', 1]]],
    ['month', 'UTC', [['2024-03', 2], ['2024-04', 1]]],
  ] as const)('by %s in %s', (dimension, tz, expected) => {
    const rows = metricsOf(tickets(), { by: [dimension], tz }).groups[dimension]!;
    expect(rows.map((r) => [r.key, r.created])).toEqual(expected);
  });

  it('per-day rates of a time group divide by the days it covers in the period', () => {
    const result = metricsOf(tickets(), { by: ['month'] });
    // Period 2024-03-03 … 2024-04-01: March contributes 29 days, April 1 day.
    expect(result.period.days).toBe(30);
    expect(result.groups.month!.map((r) => r.createdPerDay)).toEqual([2 / 29, 1]);
  });

  it('peak hours use the zone too (Monday = 0)', () => {
    const berlin = metricsOf(tickets(), { tz: 'Europe/Berlin' }).peakHours;
    expect(berlin.counts[0]![0]).toBe(1);
    expect(berlin.counts[0]![10]).toBe(1);
    const utc = metricsOf(tickets(), { tz: 'UTC' }).peakHours;
    expect(utc.counts[6]![23]).toBe(1);
    expect(utc.busiest[0]).toEqual({ weekday: 0, hour: 9, count: 1 });
  });
});

describe('splits add up to the total', () => {
  const arbitraryTicket = fc.record({
    createdAt: fc.integer({ min: T0 - 40 * DAY, max: T0 + 40 * DAY }),
    status: fc.constantFrom('new', 'open', 'solved', 'closed', undefined),
    assignee: fc.constantFrom('Ann', 'Bob', '=cmd', undefined),
    group: fc.constantFrom('Support', 'Billing', undefined),
    channel: fc.constantFrom(...CHANNELS, undefined),
    priority: fc.constantFrom(...PRIORITIES, undefined),
    firstReplyMinutes: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    replies: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    reopens: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    satisfaction: fc.constantFrom('good', 'bad', 'offered', undefined),
  });
  const counts = (m: MetricSet): number[] => [
    m.created,
    m.solved,
    m.unsolved,
    m.unanswered ?? 0,
    m.firstReplyMinutes?.count ?? 0,
    m.fcr?.eligible ?? 0,
    m.oneTouch?.oneTouch ?? 0,
    m.csat?.responses ?? 0,
    m.serviceLevel?.withinTarget ?? 0,
  ];

  it('for every dimension and pair of dimensions, in any zone', () => {
    const splits: Dimension[][] = [...DIMENSIONS.map((d) => [d]), ['group', 'channel'], ['agent', 'week'], ['priority', 'day']];
    fc.assert(
      fc.property(
        fc.array(arbitraryTicket, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...splits),
        fc.constantFrom('UTC', 'America/New_York', 'Asia/Kolkata'),
        (raw, by, tz) => {
          const tickets = raw.map((fields, i) => ({ id: String(i), ...fields }) as Ticket);
          const result = metricsOf(tickets, { by, tz });
          const rows = result.groups[by.join('/')]!;
          const total = rows.reduce((sum, row) => sum.map((v, i) => v + counts(row)[i]!), counts(result.summary).map(() => 0));
          expect(total).toEqual(counts(result.summary));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('--from / --to', () => {
  it('keep tickets created in [from, to) and set the period to those bounds', () => {
    const result = metricsOf(
      [ticket({ createdAt: T0 - HOUR }), ticket({ createdAt: T0 }), ticket({ createdAt: T0 + DAY - 1 }), ticket({ createdAt: T0 + DAY })],
      { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 2, 5) },
    );
    expect(result.summary.created).toBe(2);
    expect(result.period).toEqual({ from: '2024-03-04T00:00:00Z', to: '2024-03-05T00:00:00Z', days: 1, tz: 'UTC' });
  });
});

describe('a split of an empty period', () => {
  it('still names the split, with no rows', () => {
    expect(metricsOf([], { by: ['agent'] }).groups).toEqual({ agent: [] });
  });
});

describe('daylight saving time', () => {
  // Europe/Berlin moves from UTC+1 to UTC+2 at 2024-03-31 01:00 UTC (02:00 local becomes 03:00).
  it('puts each ticket in its local hour on both sides of the change', () => {
    const at = (iso: string) => ticket({ createdAt: Date.parse(iso) });
    const { peakHours, groups } = metricsOf([at('2024-03-30T23:30:00Z'), at('2024-03-31T00:30:00Z'), at('2024-03-31T01:30:00Z'), at('2024-03-31T22:30:00Z')], {
      tz: 'Europe/Berlin',
      by: ['day'],
    });
    const sunday = peakHours.counts[6]!;
    expect([sunday[0], sunday[1], sunday[2], sunday[3]]).toEqual([1, 1, 0, 1]);
    // 22:30 UTC on the 31st is 00:30 on Monday 1 April in Berlin.
    expect(peakHours.counts[0]![0]).toBe(1);
    expect(groups.day!.map((r) => [r.key, r.created])).toEqual([['2024-03-31', 3], ['2024-04-01', 1]]);
  });
});

describe('order of group rows', () => {
  it('lists priorities low to urgent, whatever their volume, tickets without one last', () => {
    const tickets = [ticket({ priority: 'urgent' }), ticket({ priority: 'low' }), ticket(), ticket({ priority: 'normal' }), ticket({ priority: 'normal' })];
    expect(metricsOf(tickets, { by: ['priority'] }).groups.priority!.map((r) => r.key)).toEqual(['low', 'normal', 'urgent', '(none)']);
  });
});
