import { describe, expect, it } from 'vitest';
import { findAnomalies } from '../../src/metrics/anomalies.js';
import type { AgentStats } from '../../src/metrics/agents.js';
import { averageRanks, pearson, spearman } from '../../src/metrics/correlation.js';
import { modifiedZScores } from '../../src/metrics/robust-z.js';
import { DAY, HOUR, metricsOf, MIN, solved, T0, ticket } from './helpers.js';

describe('backlog', () => {
  it('counts created and solved per day, open at each day end, and what is left at the end', () => {
    const { backlog } = metricsOf(
      [
        // Created before the period, solved on its second day: open at the start.
        ticket({ createdAt: T0 - 5 * DAY, status: 'solved', solvedAt: T0 + DAY }),
        // Created before and never solved: open at the start and the end.
        ticket({ createdAt: T0 - 5 * DAY, status: 'open' }),
        ticket({ status: 'solved', solvedAt: T0 + HOUR }),
        ticket({ status: 'open' }),
        ticket({ createdAt: T0 + DAY, status: 'closed', solvedAt: T0 + 3 * DAY }),
      ],
      { from: Date.UTC(2024, 2, 4), to: Date.UTC(2024, 2, 6) },
    );
    expect(backlog).toEqual({
      openAtStart: 2,
      created: 3,
      solved: 2,
      net: 1,
      unsolvedAtEnd: 3,
      days: [
        { date: '2024-03-04', created: 2, solved: 1, open: 3 },
        { date: '2024-03-05', created: 1, solved: 1, open: 3 },
      ],
    });
  });

  it('counts a solved ticket without a solve time as solved by the end, on no day, with a note', () => {
    const result = metricsOf([ticket({ status: 'solved' }), ticket({ status: 'open' })]);
    expect(result.backlog).toMatchObject({ created: 2, solved: 1, unsolvedAtEnd: 1, days: [{ created: 2, solved: 0, open: 2 }] });
    expect(result.notes.some((n) => n.startsWith('backlog: 1 solved tickets have no solve time'))).toBe(true);
  });
});

describe('agent productivity', () => {
  it('solved per day with a solve, team = the group most of their tickets are in', () => {
    const { agents } = metricsOf([
      solved(10, 60, { assignee: 'Ann', group: 'Support' }),
      solved(20, 120, { assignee: 'Ann', group: 'Support' }),
      solved(30, 60, { assignee: 'Ann', group: 'Billing', createdAt: T0 + DAY, solvedAt: T0 + DAY + HOUR }),
      ticket({ assignee: 'Ann', status: 'open', firstReplyMinutes: 40 }),
      solved(5, 30, { assignee: 'Bob' }),
    ]);
    expect(agents.productivity).toEqual([
      { agent: 'Ann', team: 'Support', solved: 3, activeDays: 2, solvedPerActiveDay: 1.5, firstReplyMedian: 25, fullResolutionMedian: 60 },
      { agent: 'Bob', team: null, solved: 1, activeDays: 1, solvedPerActiveDay: 1, firstReplyMedian: 5, fullResolutionMedian: 30 },
    ]);
  });
});

describe('modified z-score', () => {
  it('matches a published worked example: 35 among 10, 11, 12, 12, 13, 14 scores 15.51', () => {
    // standarddeviationcalculator.app "Modified Z-Score Outlier Detection": median 12, MAD 1, 0.6745 × 23 = 15.51.
    const { median, scores } = modifiedZScores([10, 11, 12, 12, 13, 14, 35]);
    expect(median).toBe(12);
    expect(scores[6]).toBeCloseTo(15.51, 2);
    expect(scores[5]).toBeCloseTo(1.35, 2);
  });

  it('falls back to the mean absolute deviation when MAD is 0 (IBM: (x − median)/(1.253314·MeanAD))', () => {
    // Median 10, MAD 0; MeanAD = 90/8 = 11.25; score of 100 = 90/(1.253314 × 11.25) ≈ 6.383.
    const { scores } = modifiedZScores([10, 10, 10, 10, 10, 10, 10, 100]);
    expect(scores[7]).toBeCloseTo(90 / (1.253314 * 11.25), 9);
    expect(scores[0]).toBe(0);
  });

  it('scores nobody when all are equal', () => {
    expect(modifiedZScores([4, 4, 4]).scores).toEqual([0, 0, 0]);
  });
});

describe('anomalies', () => {
  const agent = (name: string, team: string | null, firstReplyMedian: number, solvedPerActiveDay = 10): AgentStats => ({
    agent: name,
    team,
    solved: 50,
    activeDays: 5,
    solvedPerActiveDay,
    firstReplyMedian,
    fullResolutionMedian: 100,
    firstReplyCount: 50,
    fullResolutionCount: 50,
  });

  it('flags an agent far from the team, with direction', () => {
    const team = [agent('a', 'T', 10), agent('b', 'T', 11), agent('c', 'T', 12), agent('d', 'T', 12), agent('e', 'T', 13), agent('f', 'T', 14), agent('slow', 'T', 35)];
    const found = findAnomalies(team);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ agent: 'slow', metric: 'firstReplyMedian', reference: 'team', referenceMedian: 12, direction: 'worse' });
    expect(found[0]!.score).toBeCloseTo(15.51, 2);
  });

  it('calls a high solved-per-day rate better, and compares a lone agent with the company', () => {
    const agents = [agent('a', 'T', 10, 10), agent('b', 'T', 10, 11), agent('c', 'T', 10, 9), agent('star', 'Solo', 10, 40)];
    const found = findAnomalies(agents);
    expect(found).toEqual([expect.objectContaining({ agent: 'star', metric: 'solvedPerActiveDay', reference: 'company', direction: 'better' })]);
  });

  it('ignores figures resting on fewer than 5 tickets', () => {
    const thin = { ...agent('thin', 'T', 500), firstReplyCount: 4 };
    expect(findAnomalies([agent('a', 'T', 10), agent('b', 'T', 11), agent('c', 'T', 12), thin])).toEqual([]);
  });

  it('run end to end from tickets', () => {
    const tickets = ['a', 'b', 'c', 'd', 'e', 'slow'].flatMap((name, i) =>
      Array.from({ length: 5 }, () => solved(name === 'slow' ? 600 : 10 + i, 60, { assignee: name, group: 'Support' })),
    );
    const { agents, notes } = metricsOf(tickets);
    expect(agents.anomalies.map((a) => [a.agent, a.metric, a.direction])).toEqual([['slow', 'firstReplyMedian', 'worse']]);
    expect(notes.some((n) => n.startsWith('anomalies: |modified z| > 3.5'))).toBe(true);
  });
});

describe('correlation', () => {
  it("Pearson's r of Anscombe's first data set is 0.816", () => {
    const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
    expect(pearson(x, y)).toBeCloseTo(0.816, 3);
  });

  it("Spearman's rho of Wikipedia's IQ / hours of TV example is −29/165", () => {
    const iq = [106, 100, 86, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 27, 2, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 12);
  });

  it('gives ties the average rank', () => {
    expect(Array.from(averageRanks([10, 20, 20, 30]))).toEqual([1, 2.5, 2.5, 4]);
  });

  it('is null below 3 pairs or for a constant series', () => {
    expect(pearson([1, 2], [3, 4])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
  });

  it('relates daily volume to the daily median first reply', () => {
    // Days with 1, 2 and 3 tickets; median first reply 10, 20, 30 minutes: a perfect positive link.
    const tickets = [1, 2, 3].flatMap((n, day) =>
      Array.from({ length: n }, () => ticket({ createdAt: T0 + day * DAY, firstReplyMinutes: n * 10, status: 'solved', fullResolutionMinutes: 100 * MIN })),
    );
    const [firstReply, resolution] = metricsOf(tickets).correlations;
    expect(firstReply).toEqual({ x: 'createdPerDay', y: 'firstReplyMedianMinutes', n: 3, pearson: expect.closeTo(1, 12), spearman: expect.closeTo(1, 12) });
    expect(resolution).toMatchObject({ n: 3, pearson: null });
  });
});
