import { describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SATISFIED_FROM } from '../../src/metrics/defaults.js';
import { DAY, HOUR, metricsOf, MIN, solved, T0, ticket } from './helpers.js';

describe('volume', () => {
  it('counts created, solved (solved or closed) and unsolved, per day of the period', () => {
    const { summary, period } = metricsOf([
      ticket({ status: 'solved' }),
      ticket({ status: 'closed' }),
      ticket({ status: 'open' }),
      ticket({ status: 'pending', createdAt: T0 + DAY }),
      ticket({ status: 'hold', createdAt: T0 + 3 * DAY }),
    ]);
    expect(period).toMatchObject({ from: '2024-03-04T00:00:00Z', to: '2024-03-08T00:00:00Z', days: 4 });
    expect(summary).toMatchObject({ created: 5, solved: 2, unsolved: 3, createdPerDay: 1.25, solvedPerDay: 0.5 });
  });

  it('treats a ticket with no status but a solve time as solved', () => {
    expect(metricsOf([ticket({ solvedAt: T0 + HOUR }), ticket()]).summary).toMatchObject({ solved: 1, unsolved: 1 });
  });
});

describe('first reply time', () => {
  it('excludes unanswered tickets from the percentiles and counts them', () => {
    const { summary } = metricsOf([
      ticket({ firstReplyMinutes: 1 }),
      ticket({ firstReplyMinutes: 2 }),
      ticket({ firstReplyMinutes: 3 }),
      ticket({ firstReplyMinutes: 4 }),
      ticket({ firstReplyMinutes: 8 }),
      ticket(),
      ticket({ replies: 0 }),
    ]);
    expect(summary.firstReplyMinutes).toEqual({ count: 5, mean: 3.6, median: 3, p90: 6.4, p95: expect.closeTo(7.2, 9) });
    expect(summary.unanswered).toBe(2);
  });

  it('computes calendar minutes from timestamps when the export has no duration, and says so', () => {
    const result = metricsOf([ticket({ firstReplyAt: T0 + 90 * MIN }), ticket({ firstReplyAt: T0 + 30 * MIN })]);
    expect(result.summary.firstReplyMinutes).toMatchObject({ count: 2, median: 60 });
    expect(result.notes).toContain("firstReplyMinutes: computed from timestamps for 2 tickets without the export's own duration");
  });

  it("prefers the export's own duration over timestamps and says so", () => {
    const result = metricsOf([ticket({ firstReplyMinutes: 5, firstReplyAt: T0 + 90 * MIN })]);
    expect(result.summary.firstReplyMinutes?.median).toBe(5);
    expect(result.notes).toContain("firstReplyMinutes: the export's own duration used for 1 ticket whose timestamps give a different one");
  });

  it('says nothing about sources when the export and the timestamps agree to the minute', () => {
    const result = metricsOf([ticket({ firstReplyMinutes: 90, firstReplyAt: T0 + 90 * MIN + 20_000 })]);
    expect(result.notes.filter((n) => n.startsWith('firstReplyMinutes'))).toEqual([]);
  });

  it('leaves the calendar variant null when the export has only business hours, never substituting', () => {
    const result = metricsOf([ticket({ firstReplyMinutesBusiness: 30 }), ticket({ firstReplyMinutesBusiness: 90 }), ticket()]);
    expect(result.summary.firstReplyMinutes).toBeNull();
    expect(result.summary.firstReplyMinutesBusiness).toMatchObject({ count: 2, median: 60 });
    expect(result.summary.unanswered).toBe(1);
    expect(result.notes.some((n) => n.startsWith('firstReplyMinutes is null: the export has only business-hours'))).toBe(true);
  });

  it('is null, with unanswered, when the export has no first reply data at all', () => {
    const result = metricsOf([ticket({ status: 'open' })]);
    expect(result.summary.firstReplyMinutes).toBeNull();
    expect(result.summary.firstReplyMinutesBusiness).toBeNull();
    expect(result.summary.unanswered).toBeNull();
    expect(result.summary.serviceLevel).toBeNull();
    expect(result.notes).toContain('first reply metrics and unanswered are null: the export has no first reply times');
  });
});

describe('resolution', () => {
  it('counts only solved and closed tickets', () => {
    const { summary } = metricsOf([
      solved(10, 100),
      solved(10, 300, { status: 'closed' }),
      ticket({ status: 'open', fullResolutionMinutes: 5000, firstResolutionMinutes: 5000 }),
    ]);
    expect(summary.fullResolutionMinutes).toMatchObject({ count: 2, median: 200, mean: 200 });
  });

  it('takes first resolution from the export, else from the solve time of never-reopened tickets', () => {
    const { summary, notes } = metricsOf([
      ticket({ status: 'solved', firstResolutionMinutes: 50, fullResolutionMinutes: 400, reopens: 1 }),
      ticket({ status: 'solved', solvedAt: T0 + 2 * HOUR, reopens: 0 }),
      ticket({ status: 'solved', solvedAt: T0 + 9 * HOUR, reopens: 2 }),
    ]);
    expect(summary.firstResolutionMinutes).toMatchObject({ count: 2, median: 85 });
    expect(summary.fullResolutionMinutes).toMatchObject({ count: 3, median: 400 });
    expect(notes).toContain("firstResolutionMinutes: computed from timestamps (from the solve time of tickets never reopened) for 1 ticket without the export's own duration");
  });

  it('is null with a note when the export has only business-hours resolution', () => {
    const result = metricsOf([ticket({ status: 'solved', fullResolutionMinutesBusiness: 60 })]);
    expect(result.summary.fullResolutionMinutes).toBeNull();
    expect(result.summary.fullResolutionMinutesBusiness).toMatchObject({ count: 1, median: 60 });
    expect(result.notes.some((n) => n.startsWith('fullResolutionMinutes is null'))).toBe(true);
  });
});

describe('FCR, one-touch and reopens', () => {
  // Hand-computed: solved tickets with replies/reopens
  //   a 1/0  b 1/1  c 2/0  d 0/0  e 3/0 ; plus an open 1/0 ticket that no rate may count.
  // FCR eligible (≥1 reply) = a b c e = 4; exactly one reply and no reopen = a → 1/4.
  // One-touch (Explore: replies < 2) = a b d → 3/5. Reopen rate = b → 1/5.
  const tickets = () => [
    ticket({ status: 'solved', replies: 1, reopens: 0 }),
    ticket({ status: 'solved', replies: 1, reopens: 1 }),
    ticket({ status: 'closed', replies: 2, reopens: 0 }),
    ticket({ status: 'solved', replies: 0, reopens: 0 }),
    ticket({ status: 'solved', replies: 3, reopens: 0 }),
    ticket({ status: 'open', replies: 1, reopens: 0 }),
  ];

  it.each([
    ['fcr', { eligible: 4, resolvedOnFirstContact: 1, rate: 0.25 }],
    ['oneTouch', { solved: 5, oneTouch: 3, rate: 0.6 }],
    ['reopenRate', 0.2],
  ])('%s', (field, expected) => {
    expect(metricsOf(tickets()).summary[field as 'fcr']).toEqual(expected);
  });

  it('are null with notes when the export has no reply or reopen counts', () => {
    const result = metricsOf([ticket({ status: 'solved' })]);
    expect(result.summary).toMatchObject({ fcr: null, oneTouch: null, reopenRate: null });
    expect(result.notes).toContain('fcr and oneTouch are null: the export has no agent reply counts');
    expect(result.notes).toContain('reopenRate is null: the export has no reopen counts');
  });

  it('give a null rate (never 0) when nothing in the period is eligible', () => {
    const result = metricsOf([ticket({ status: 'open', replies: 1, reopens: 0 })]);
    expect(result.summary.fcr).toEqual({ eligible: 0, resolvedOnFirstContact: 0, rate: null });
    expect(result.summary.reopenRate).toBeNull();
    expect(result.notes).toContain('fcr.rate is null: no solved ticket with an agent reply in the period');
  });
});

describe('CSAT', () => {
  it('good / (good + bad), response rate = rated / offered (Zendesk: surveyed = offered + good + bad)', () => {
    const { summary } = metricsOf([
      ticket({ satisfaction: 'good' }),
      ticket({ satisfaction: 'good' }),
      ticket({ satisfaction: 'good' }),
      ticket({ satisfaction: 'bad' }),
      ticket({ satisfaction: 'offered' }),
      ticket({ satisfaction: 'offered' }),
      ticket({ satisfaction: 'unoffered' }),
      ticket(),
    ]);
    expect(summary.csat).toEqual({ offered: 6, responses: 4, satisfied: 3, score: 0.75, responseRate: 4 / 6, scale: 'good-bad' });
  });

  it.each([
    ['1-5: 4 and 5 are satisfied', '1-5' as const, [5, 4, 3, 1], undefined, 0.5],
    ['0-10: 9 and 10 are satisfied by default', '0-10' as const, [10, 9, 8, 7, 0], undefined, 0.4],
    ['0-10 with 8 configured as satisfied', '0-10' as const, [10, 9, 8, 7, 0], 8, 0.6],
    ['1-5 with 5 configured as satisfied', '1-5' as const, [5, 4, 3, 1], 5, 0.25],
  ])('numeric %s', (_name, scale, scores, min, expected) => {
    const { summary } = metricsOf(
      scores.map((score) => ticket({ satisfaction: { score, scale } })),
      min === undefined ? {} : { csatSatisfiedFrom: { ...DEFAULT_CSAT_SATISFIED_FROM, [scale]: min } },
    );
    expect(summary.csat).toMatchObject({ responses: scores.length, score: expected, scale });
  });

  it('has no response rate when the export never marks unanswered offers', () => {
    const result = metricsOf([ticket({ satisfaction: { score: 5, scale: '1-5' } })]);
    expect(result.summary.csat?.responseRate).toBeNull();
    expect(result.notes.some((n) => n.startsWith('csat.responseRate is null'))).toBe(true);
  });

  it('is null with a note when nothing is rated', () => {
    const result = metricsOf([ticket()]);
    expect(result.summary.csat).toBeNull();
    expect(result.notes).toContain('csat is null: the export has no satisfaction ratings');
  });
});

describe('service level', () => {
  it('is the share of first replies within the target (inclusive), unanswered left out', () => {
    const tickets = [30, 60, 61, 240].map((m) => ticket({ firstReplyMinutes: m })).concat(ticket());
    expect(metricsOf(tickets).summary.serviceLevel).toEqual({ targetMinutes: 60, basis: 'calendar', replies: 4, withinTarget: 2, rate: 0.5 });
    expect(metricsOf(tickets, { slaMinutes: 240 }).summary.serviceLevel?.rate).toBe(1);
  });

  it('falls back to business hours when only they exist, and says so', () => {
    const result = metricsOf([ticket({ firstReplyMinutesBusiness: 30 }), ticket({ firstReplyMinutesBusiness: 90 })]);
    expect(result.summary.serviceLevel).toMatchObject({ basis: 'business', rate: 0.5 });
    expect(result.notes.some((n) => n.includes('on business-hours first reply time'))).toBe(true);
  });
});

describe('empty and one-ticket inputs', () => {
  it('an empty table gives zero counts, null rates and a note', () => {
    const result = metricsOf([]);
    expect(result.period).toEqual({ from: null, to: null, days: 0, tz: 'UTC' });
    expect(result.summary).toMatchObject({ created: 0, solved: 0, createdPerDay: null, firstReplyMinutes: null });
    expect(result.notes).toContain('no tickets in the period: counts are 0; shares and durations are null');
  });

  it('a period with no tickets keeps its bounds and gives null rates', () => {
    const result = metricsOf([solved(5, 50)], { from: T0 + 10 * DAY, to: T0 + 12 * DAY });
    expect(result.summary).toMatchObject({ created: 0, createdPerDay: 0, firstReplyMinutes: { count: 0, median: null } });
    expect(result.summary.fcr).toEqual({ eligible: 0, resolvedOnFirstContact: 0, rate: null });
  });

  it('one ticket is every percentile of itself', () => {
    expect(metricsOf([solved(42, 100)]).summary.firstReplyMinutes).toEqual({ count: 1, mean: 42, median: 42, p90: 42, p95: 42 });
  });
});

describe('business-hours fallbacks outside the summary', () => {
  it('says when agent and daily medians are business-hours minutes', () => {
    const result = metricsOf([ticket({ assignee: 'Ann', firstReplyMinutesBusiness: 30 })]);
    expect(result.agents.productivity[0]!.firstReplyMedian).toBe(30);
    expect(result.notes).toContain('agents and correlations: first reply medians are in business-hours minutes (the export has no calendar ones)');
  });

  it('explains a null reopen rate even when reply counts are missing', () => {
    const result = metricsOf([ticket({ status: 'open', reopens: 0 })]);
    expect(result.summary.reopenRate).toBeNull();
    expect(result.notes).toContain('reopenRate is null: no solved ticket with a reopen count in the period');
  });
});
