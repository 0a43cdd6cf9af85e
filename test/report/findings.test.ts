import { describe, expect, it } from 'vitest';
import { resolveTargets } from '../../src/config/defaults.js';
import { accountMetrics } from '../../src/metrics/customer/accounts.js';
import { npsOf } from '../../src/metrics/customer/surveys.js';
import type { ReportData } from '../../src/report/report-data.js';
import { lookAtList } from '../../src/report/report-findings.js';

/** A report where every target is met; each test breaks one thing. */
function healthy(): Omit<ReportData, 'lookAt'> {
  return {
    targets: resolveTargets({}),
    summary: {
      created: 100,
      solved: 100,
      unanswered: 0,
      firstReplyMinutes: { count: 100, mean: 30, median: 30, p90: 55, p95: 58 },
      firstReplyMinutesBusiness: null,
      fullResolutionMinutes: { count: 100, mean: 300, median: 240, p90: 600, p95: 700 },
      fullResolutionMinutesBusiness: null,
      serviceLevel: { targetMinutes: 60, basis: 'calendar', replies: 100, withinTarget: 95, rate: 0.95 },
      fcr: { eligible: 100, resolvedOnFirstContact: 80, rate: 0.8 },
      reopenRate: 0.05,
      csat: { offered: 50, responses: 40, satisfied: 36, score: 0.9, responseRate: 0.8, scale: 'good-bad' },
    },
    backlog: { openAtStart: 5, created: 100, solved: 100, net: 0, unsolvedAtEnd: 5, oldestOpen: [] },
    agents: [],
    surveys: null,
    accounts: null,
    support: null,
  } as unknown as Omit<ReportData, 'lookAt'>;
}

describe('what to look at', () => {
  it('is empty when every target is met', () => {
    expect(lookAtList(healthy())).toEqual([]);
  });

  it('names the metric, value, target and why for a missed service level', () => {
    const d = healthy();
    d.summary.serviceLevel = { targetMinutes: 60, basis: 'calendar', replies: 200, withinTarget: 120, rate: 0.6 };
    expect(lookAtList(d)).toEqual([
      { metric: 'first replies within 1h', value: '60%', target: '≥ 80%', why: '80 of 200 customers waited longer than 1h for a first answer' },
    ]);
  });

  it('holds CSAT to the 80% target of the source document', () => {
    const d = healthy();
    d.summary.csat = { offered: 50, responses: 40, satisfied: 31, score: 0.775, responseRate: 0.8, scale: 'good-bad' };
    expect(lookAtList(d)).toEqual([{ metric: 'CSAT', value: '77.5%', target: '≥ 80%', why: '9 of 40 rated tickets were not satisfied' }]);
  });

  it('flags NPS under 50 and churn over the DOMAIN.md §3 targets', () => {
    const d = healthy();
    d.surveys = { responses: 10, nps: npsOf([10, 10, 10, 10, 9, 8, 8, 6, 5, 3]), ces: null, csat: null };
    d.accounts = accountMetrics([
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((customer) => ({ customer, month: '2024-01', mrr: 100 })),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((customer) => ({ customer, month: '2024-02', mrr: 100 })),
    ]);
    // NPS 50 − 30 = 20; 1 of 10 customers (10%) and 100 of 1000 MRR (10%) lost, no expansion.
    expect(lookAtList(d).map((f) => [f.metric, f.value, f.target])).toEqual([
      ['NPS', '20', '≥ 50'],
      ['customer churn (2024-02)', '10%', '≤ 5%'],
      ['MRR churn (2024-02)', '10%', '< 1%'],
      ['net MRR churn (2024-02)', '10%', '< 0%'],
    ]);
  });

  it('flags a growing backlog and agents worse than their team', () => {
    const d = healthy();
    d.backlog = { ...d.backlog, created: 120, solved: 100, net: 20, unsolvedAtEnd: 25 };
    d.agents = [{ agent: 'Sam', team: 'T1', assigned: 10, solved: 9, solvedPerActiveDay: 1, firstReplyMedian: 500, fullResolutionMedian: 900, csat: null, flags: ['first reply worse than team', 'solved per day better than team'] }];
    expect(lookAtList(d).map((f) => [f.metric, f.value])).toEqual([
      ['backlog', '+20 (120 created, 100 solved)'],
      ['agent Sam', 'first reply worse than team'],
    ]);
  });
});
