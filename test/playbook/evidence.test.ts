import { describe, expect, it } from 'vitest';
import { concentrationOf } from '../../src/metrics/customer/accounts.js';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { EVIDENCE_RULES, type EvidenceFacts } from '../../src/playbook/evidence.js';
import { gatherEvidence } from '../../src/playbook/gather.js';
import type { EvidenceRuleId } from '../../src/playbook/schema.js';

/** Monday 2024-03-04 09:00 UTC. */
const T0 = Date.UTC(2024, 2, 4, 9, 0);
const MIN = 60_000;
const DAY = 86_400_000;
const TARGETS = { firstReplyMinutes: 60, serviceLevel: 0.8 };

let nextId = 1;
const ticket = (fields: Partial<Ticket> = {}): Ticket => ({ id: String(nextId++), createdAt: T0, ...fields });
/** Solved after one reply: replied after `reply` minutes, solved after `reply + 60`. */
const solved = (reply: number, fields: Partial<Ticket> = {}): Ticket =>
  ticket({
    status: 'solved',
    firstReplyMinutes: reply,
    fullResolutionMinutes: reply + 60,
    solvedAt: (fields.createdAt ?? T0) + (reply + 60) * MIN,
    replies: 1,
    reopens: 0,
    ...fields,
  });
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

const factsOf = (tickets: Ticket[], extra: Partial<EvidenceFacts> = {}): EvidenceFacts => ({
  ...gatherEvidence(tableFromTickets(tickets), { tz: 'UTC', targets: TARGETS }),
  ...extra,
});
const judge = (rule: EvidenceRuleId, tickets: Ticket[], extra: Partial<EvidenceFacts> = {}) =>
  EVIDENCE_RULES[rule](factsOf(tickets, extra));

describe('active-channels (one official channel early on)', () => {
  it('is met when email and web form (one shared inbox) carry everything', () => {
    const result = judge('active-channels', [...times(7, () => solved(10, { channel: 'email' })), ...times(3, () => solved(10, { channel: 'web' }))]);
    expect(result).toEqual({ status: 'met', evidence: 'one channel family carries the requests: email 70%, web 30%' });
  });
  it('is not met with inbox, chat and phone in use', () => {
    const result = judge('active-channels', [
      ...times(5, () => solved(10, { channel: 'email' })),
      ...times(3, () => solved(10, { channel: 'chat' })),
      ...times(2, () => solved(10, { channel: 'phone' })),
    ]);
    expect(result).toEqual({ status: 'not-met', evidence: '3 channel families in use: email 50%, chat 30%, phone 20%' });
  });
  it('ignores a channel below 5% of requests', () => {
    const tickets = [...times(20, () => solved(10, { channel: 'email' })), solved(10, { channel: 'phone' })];
    expect(judge('active-channels', tickets).status).toBe('met');
  });
});

describe('channel-mix', () => {
  it('shows the mix for the user to judge', () => {
    const result = judge('channel-mix', [...times(3, () => solved(10, { channel: 'chat' })), solved(10, { channel: 'email' })]);
    expect(result).toEqual({ status: 'manual', evidence: '2 channels: chat 75%, email 25%' });
  });
});

describe('survey-coverage (surveys after interactions)', () => {
  it('is met when most solved tickets got a survey', () => {
    const tickets = [
      ...times(6, () => solved(10, { satisfaction: 'good' })),
      ...times(2, () => solved(10, { satisfaction: 'offered' })),
      ...times(2, () => solved(10, { satisfaction: 'unoffered' })),
    ];
    const result = judge('survey-coverage', tickets);
    expect(result.status).toBe('met');
    expect(result.evidence).toBe('surveys went to 8 of 10 solved tickets (80%); 6 answers, 100% satisfied');
  });
  it('is not met when few are surveyed', () => {
    const tickets = [solved(10, { satisfaction: 'bad' }), ...times(9, () => solved(10, { satisfaction: 'unoffered' }))];
    expect(judge('survey-coverage', tickets)).toMatchObject({ status: 'not-met', evidence: expect.stringContaining('1 of 10 solved tickets (10%)') });
  });
  it('is unknown when the export has no satisfaction data', () => {
    expect(judge('survey-coverage', times(5, () => solved(10))).status).toBe('unknown');
  });
});

describe('volume-tracked', () => {
  it('is met with the volume behind it', () => {
    const tickets = times(10, (i) => solved(10, { createdAt: T0 + (i % 5) * DAY }));
    expect(judge('volume-tracked', tickets)).toEqual({ status: 'met', evidence: '10 requests over 5 days (2 a day)' });
  });
  it('is not met with no requests', () => {
    expect(judge('volume-tracked', []).status).toBe('not-met');
  });
});

describe('categorised (tags)', () => {
  it('is met when 80%+ carry a tag', () => {
    const tickets = [...times(9, () => solved(10, { tags: ['billing'] })), solved(10)];
    expect(judge('categorised', tickets)).toEqual({ status: 'met', evidence: '9 of 10 tickets carry a tag (90%)' });
  });
  it('is not met when few are tagged', () => {
    const tickets = [...times(2, () => solved(10, { tags: ['billing'] })), ...times(8, () => solved(10))];
    expect(judge('categorised', tickets).status).toBe('not-met');
  });
  it('is unknown when no ticket has a tag (the export left the column out)', () => {
    expect(judge('categorised', times(5, () => solved(10)))).toEqual({ status: 'unknown', evidence: 'the export carries no tags' });
  });
});

describe('times-measured (response and resolution times)', () => {
  it('is met when both are in the export', () => {
    expect(judge('times-measured', times(4, () => solved(30)))).toEqual({
      status: 'met',
      evidence: 'first reply median 30m (4); resolution median 1.5h (4)',
    });
  });
  it('is not met when neither is', () => {
    const result = judge('times-measured', times(4, () => ticket({ status: 'open' })));
    expect(result).toEqual({ status: 'not-met', evidence: 'no first-reply times; no resolution times' });
  });
});

describe('first-reply-target (service level vs target)', () => {
  it('is met when 80%+ of first replies are within the hour', () => {
    const result = judge('first-reply-target', [...times(9, () => solved(30)), solved(120)]);
    expect(result).toEqual({ status: 'met', evidence: '90% of 10 first replies within 1h (target 80%)' });
  });
  it('is not met below the target', () => {
    const result = judge('first-reply-target', [...times(5, () => solved(30)), ...times(5, () => solved(120))]);
    expect(result).toEqual({ status: 'not-met', evidence: '50% of 10 first replies within 1h (target 80%)' });
  });
  it('is unknown without first-reply data', () => {
    expect(judge('first-reply-target', [ticket({ status: 'open' })]).status).toBe('unknown');
  });
});

describe('frt-trend (does first-reply time hold as volume grows)', () => {
  /** `weeks` weeks; week w has 7·(w+1) tickets (volume rises) replied after reply(w) minutes. */
  const growingWeeks = (weeks: number, reply: (week: number) => number): Ticket[] =>
    times(weeks, (w) => times(7 * (w + 1), (i) => solved(reply(w), { createdAt: T0 + w * 7 * DAY + (i % 7) * DAY }))).flat();

  it('is met when the first-reply median holds while volume quadruples', () => {
    const result = judge('frt-trend', growingWeeks(8, () => 40));
    expect(result.status).toBe('met');
    expect(result.evidence).toBe('over 8 weeks: volume +160% (2.5 → 6.5 a day), first-reply median 40m → 40m');
  });
  it('is not met when the median doubles as volume grows', () => {
    const result = judge('frt-trend', growingWeeks(8, (w) => (w < 4 ? 40 : 80)));
    expect(result).toMatchObject({ status: 'not-met', evidence: expect.stringContaining('first-reply median 40m → 1.3h') });
  });
  it('is unknown with fewer than four weeks', () => {
    expect(judge('frt-trend', growingWeeks(2, () => 40))).toEqual({
      status: 'unknown',
      evidence: '2 weeks with first replies; the trend needs 4',
    });
  });
});

describe('per-agent metrics, three levels and anomalies', () => {
  const team = (replyOfSlowest: number): Ticket[] =>
    times(6, (a) =>
      times(10, (i) =>
        solved(a === 5 ? replyOfSlowest : 30 + (i % 3) + a, { assignee: `agent${a}`, group: 'Support', createdAt: T0 + i * DAY }),
      ),
    ).flat();

  it('agent-metrics is met when agents are named, unknown when the export names none', () => {
    expect(judge('agent-metrics', team(30))).toMatchObject({ status: 'met', evidence: expect.stringContaining('per-agent figures for 6 agents') });
    expect(judge('agent-metrics', times(5, () => solved(30))).status).toBe('unknown');
  });

  it('metrics-levels needs groups and agents', () => {
    expect(judge('metrics-levels', team(30))).toEqual({ status: 'met', evidence: 'company, 1 team and 6 agents in the data' });
    const noGroups = times(5, (i) => solved(30, { assignee: `a${i}` }));
    expect(judge('metrics-levels', noGroups)).toEqual({ status: 'unknown', evidence: 'the export names no group (team)' });
  });

  it('agent-anomalies is not met when an agent is far behind, met when nobody is', () => {
    const slow = judge('agent-anomalies', team(300));
    expect(slow.status).toBe('not-met');
    expect(slow.evidence).toContain('agent5 first-reply median 5h');
    expect(judge('agent-anomalies', team(32)).status).toBe('met');
  });

  it('agent-anomalies is unknown with fewer than three agents', () => {
    const two = times(2, (a) => solved(30, { assignee: `a${a}` }));
    expect(judge('agent-anomalies', two).status).toBe('unknown');
  });
});

describe('oldest-waiting', () => {
  const latest = solved(10, { createdAt: T0 + 6 * DAY });
  it('is not met when a ticket has waited more than three days', () => {
    const result = judge('oldest-waiting', [ticket({ id: 'old', status: 'open', createdAt: T0 }), latest]);
    expect(result.status).toBe('not-met');
    // The latest timestamp is the solve of `latest`: 6 days + 70 minutes after T0.
    expect(result.evidence).toBe('1 waiting on the team; oldest #old 6d');
  });
  it('is met when the oldest waiting ticket is a day old', () => {
    const result = judge('oldest-waiting', [ticket({ status: 'new', createdAt: T0 + 5 * DAY }), latest]);
    expect(result.status).toBe('met');
  });
  it('does not count tickets pending on the customer', () => {
    expect(judge('oldest-waiting', [ticket({ status: 'pending', createdAt: T0 }), latest])).toEqual({
      status: 'met',
      evidence: 'no ticket is waiting on the team',
    });
  });
});

describe('peak-hours', () => {
  it('lists the busiest hours for the user to staff', () => {
    const tickets = [...times(3, () => solved(10)), solved(10, { createdAt: T0 + 25 * 3_600_000 })];
    expect(judge('peak-hours', tickets)).toEqual({ status: 'manual', evidence: 'busiest hours (UTC): Mon 09:00 (3), Tue 10:00 (1)' });
  });
});

describe('forecast-gap (hire ahead)', () => {
  const base = times(3, () => solved(10));
  it('is not met when the forecast needs more agents than today', () => {
    const forecast = { currentAgents: 5, neededAgents: 7, horizon: '2024-06-01' };
    expect(judge('forecast-gap', base, { forecast })).toEqual({
      status: 'not-met',
      evidence: '7 agents needed by 2024-06-01, 5 today: start hiring 2 now',
    });
  });
  it('is met when today’s team covers it', () => {
    const forecast = { currentAgents: 7, neededAgents: 7, horizon: '2024-06-01' };
    expect(judge('forecast-gap', base, { forecast }).status).toBe('met');
  });
  it('is unknown without a forecast', () => {
    expect(judge('forecast-gap', base).status).toBe('unknown');
  });
});

describe('revenue-concentration (proactive success team)', () => {
  const base = times(3, () => solved(10));
  // DOMAIN.md §3: 80% of revenue from 20% of customers is the signal.
  it('is not met when the top fifth brings 80%+ of revenue', () => {
    const revenue = new Map([['a', 900], ['b', 800], ...times(8, (i) => [`c${i}`, 50] as [string, number])]);
    const accounts = concentrationOf('2024-03', revenue, 0.8);
    expect(judge('revenue-concentration', base, { accounts })).toEqual({
      status: 'not-met',
      evidence: '2024-03: top 2 of 10 customers bring 81% of revenue (signal at 80%)',
    });
  });
  it('leaves it to the user when revenue is spread', () => {
    const revenue = new Map(times(10, (i) => [`c${i}`, 100] as [string, number]));
    expect(judge('revenue-concentration', base, { accounts: concentrationOf('2024-03', revenue, 0.8) }).status).toBe('manual');
  });
  it('is unknown without --accounts', () => {
    expect(judge('revenue-concentration', base)).toEqual({ status: 'unknown', evidence: 'needs account revenue (--accounts FILE)' });
  });
});
