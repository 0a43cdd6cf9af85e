import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, resolveBusinessHours } from '../../src/config/defaults.js';
import type { ReportOptions } from '../../src/report/report-data.js';
import { heatmap, reportSections } from '../../src/render/report-sections.js';
import { sparkline } from '../../src/render/sparkline.js';
import type { Ticket } from '../../src/model/ticket.js';
import { buildTestReport } from './helpers.js';

const at = (day: number, hour: number): number => Date.UTC(2024, 2, day, hour);
const t = (id: string, created: number, extra: Partial<Ticket>): Ticket => ({ id, createdAt: created, ...extra });

/** Four days, 2024-03-04 (Mon) to 03-07, hand-counted below. */
const TICKETS: Ticket[] = [
  t('1', at(4, 9), { firstReplyMinutes: 10, status: 'solved', solvedAt: at(4, 12), replies: 1, reopens: 0, satisfaction: 'good', assignee: 'Ana', channel: 'email', requester: 'person@example.com' }),
  t('2', at(4, 10), { firstReplyMinutes: 45, status: 'solved', solvedAt: at(5, 10), replies: 2, reopens: 0, satisfaction: 'bad', assignee: 'Ana', channel: 'chat' }),
  t('3', at(5, 9), { firstReplyMinutes: 90, status: 'open', assignee: 'Ben', channel: 'email' }),
  t('4', at(6, 9), { firstReplyMinutes: 300, status: 'pending', assignee: 'Ben', channel: 'email' }),
  t('5', at(7, 15), { status: 'new', channel: 'web' }),
  t('6', at(7, 16), { firstReplyMinutes: 20, status: 'solved', solvedAt: at(7, 20), replies: 1, reopens: 0, assignee: 'Ana', channel: 'email' }),
];

const build = (extra: Partial<ReportOptions> = {}) => buildTestReport(TICKETS, extra);

describe('buildReport', () => {
  const report = build();

  it('covers the whole export by default', () => {
    expect(report.period).toMatchObject({ days: 4, tz: 'UTC' });
    expect(report.summary.created).toBe(6);
    expect(report.targets).toEqual({ ...DEFAULT_TARGETS });
  });

  it('buckets first replies: 10, 20, 45, 90 and 300 minutes; the unanswered ticket is left out', () => {
    expect(Object.fromEntries(report.firstReplyHistogram.map((b) => [b.label, b.count]))).toEqual({
      '< 15m': 1,
      '15–30m': 1,
      '30m–1h': 1,
      '1–2h': 1,
      '2–4h': 0,
      '4–8h': 1,
      '8–24h': 0,
      '1–3d': 0,
      '≥ 3d': 0,
    });
  });

  it('lists the oldest tickets still open, aged at the end of the period', () => {
    // The period ends 2024-03-08 00:00: #3 is 2d15h old, #4 1d15h, #5 9h.
    expect(report.backlog.oldestOpen).toEqual([
      { id: '3', ageMinutes: 63 * 60, status: 'open', priority: null, group: null },
      { id: '4', ageMinutes: 39 * 60, status: 'pending', priority: null, group: null },
      { id: '5', ageMinutes: 9 * 60, status: 'new', priority: null, group: null },
    ]);
  });

  it('leaves out of that list a ticket solved after the period, which still counts as open at its end', () => {
    // Period Mar 4–4: #2 (solved Mar 5) was open at the end, but nobody needs to look at it now.
    const firstDay = build({ from: at(4, 0), to: at(5, 0) });
    expect(firstDay.backlog.unsolvedAtEnd).toBe(1);
    expect(firstDay.backlog.oldestOpen).toEqual([]);
  });

  it('compares the last half with the first half when no period is asked', () => {
    // Mar 6–7: #4, #5, #6 (first replies 300 and 20, median 160); Mar 4–5: #1, #2, #3 (10, 45, 90, median 45).
    expect(report.trend).toMatchObject({ label: 'the last 2 days vs the 2 days before' });
    expect(report.trend!.createdPerDay).toEqual({ current: 1.5, previous: 1.5, relative: 0 });
    expect(report.trend!.firstReplyMedian).toEqual({ current: 160, previous: 45, relative: (160 - 45) / 45 });
  });

  it('compares an asked period with the same length before it', () => {
    const asked = build({ from: at(6, 0), to: at(8, 0) });
    expect(asked.period.days).toBe(2);
    expect(asked.summary.created).toBe(3);
    expect(asked.trend).toMatchObject({ label: 'this period vs the 2 days before', createdPerDay: { current: 1.5, previous: 1.5 } });
  });

  it('has no trend when nothing came before', () => {
    expect(build({ from: at(4, 0), to: at(6, 0) }).trend).toBeNull();
  });

  it('counts tickets created outside opening hours', () => {
    // Mon–Fri 09:00–17:00: every ticket is inside (9:00, 10:00, 9:00, 9:00, 15:00, 16:00).
    expect(report.afterHours).toEqual({ hours: 'Mon–Fri 09:00–17:00', created: 6, outside: 0, share: 0 });
    // 10:00–16:00 with Mar 5 a holiday: 9:00 ×3 and 16:00 fall outside, and #3 (Mar 5) is on the holiday.
    const narrow = build({ businessHours: resolveBusinessHours({ businessHours: { start: '10:00', end: '16:00', holidays: ['2024-03-05'] } }) });
    expect(narrow.afterHours).toMatchObject({ hours: 'Mon–Fri 10:00–16:00', outside: 4, share: 4 / 6 });
  });

  it('reads opening hours to the minute in a zone off the whole hour', () => {
    // Kathmandu is UTC+5:45: 9:00, 10:00, 9:00, 9:00, 15:00 and 16:00 UTC are 14:45, 15:45, 14:45, 14:45, 20:45 and 21:45 there.
    const hours = resolveBusinessHours({ businessHours: { start: '14:45', end: '15:46' } });
    expect(build({ tz: 'Asia/Kathmandu', businessHours: hours }).afterHours).toMatchObject({ created: 6, outside: 2 });
    const later = resolveBusinessHours({ businessHours: { start: '14:46', end: '20:45' } });
    expect(build({ tz: 'Asia/Kathmandu', businessHours: later }).afterHours).toMatchObject({ created: 6, outside: 5 });
  });

  it('counts channels by created tickets, largest first', () => {
    expect(report.channels.map((c) => [c.channel, c.created])).toEqual([['email', 4], ['chat', 1], ['web', 1]]);
    expect(report.channels[0]!.share).toBeCloseTo(4 / 6, 12);
  });

  it('says there is nothing to judge rather than "all good" for an empty period', () => {
    const empty = build({ from: at(20, 0), to: at(22, 0) });
    expect(empty.summary.created).toBe(0);
    expect(reportSections(empty).find((s) => s.title === 'What to look at')!.bullets).toEqual(['No tickets in this period, so nothing to judge.']);
  });

  it('shows the CSAT trend in percentage points', () => {
    const lines = reportSections(report)[0]!.facts.map((f) => `${f.label.trim()}: ${f.value}`);
    // Mar 4–5: one good and one bad rating (50%); Mar 6–7: no rating.
    expect(lines).toContain('CSAT: –');
    expect(lines).toContain('first reply median: 2.7h (+256% vs 45m)');
  });

  it('adds the growth stage in brief only when the headcount is known', () => {
    expect(report.checklist).toBeNull();
    const withStage = build({ checklist: { headcount: 250 } });
    // 250 people is the last stage (DOMAIN.md §1: scale, 250+), so there is no next one.
    expect(withStage.checklist).toMatchObject({ stage: { id: 'scale', range: '250+ people' }, next: null });
    expect(reportSections(withStage).map((s) => s.title)).toContain('Growth stage: Scale (250+ people)');
  });

  it('never carries requester names or emails', () => {
    expect(JSON.stringify(report)).not.toContain('person@example.com');
  });
});

describe('terminal drawings', () => {
  it('sparkline scales to the largest value', () => {
    expect(sparkline([0, 1, 2, 4])).toBe('▁▂▄█');
    expect(sparkline([0, 0])).toBe('▁▁');
    // A shared scale (the --watch view) and nearest-bar rounding.
    expect(sparkline([0, 1, 2, 4], { max: 8 })).toBe('▁▁▂▄');
    expect(sparkline([0, 1, 2, 4], { max: 8, round: Math.round })).toBe('▁▂▃▅');
  });

  it('heatmap shades 7 × 24 cells, solid for the busiest and dots for none', () => {
    const counts = Array.from({ length: 7 }, () => Array(24).fill(0) as number[]);
    counts[2]![10] = 8;
    counts[0]![9] = 1;
    const lines = heatmap(counts).split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[1]).toBe(`Mon  ${'··'.repeat(9)}░░${'··'.repeat(14)}`);
    expect(lines[3]).toBe(`Wed  ${'··'.repeat(10)}██${'··'.repeat(13)}`);
    expect(lines[8]).toContain('(8 tickets in one hour slot)');
  });
});
