import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runCli, SAMPLE, SHARED_DATA } from './helpers.js';

const json = async (args: string[], input?: string) => {
  const { stdout, stderr, code } = await runCli(['metrics', ...args, '--format', 'json'], input === undefined ? {} : { input });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
};

describe('csops metrics', () => {
  it('--help', async () => {
    const { stdout, code } = await runCli(['metrics', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('prints a summary table of the sample export', async () => {
    const { stdout, stderr, code } = await runCli(['metrics', SAMPLE]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatchSnapshot();
  });

  it('prints a group table for a two-way split', async () => {
    const { stdout, code } = await runCli(['metrics', SAMPLE, '--by', 'group', '--by', 'channel', '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('| group / channel | Created | Solved |');
    expect(stdout).toMatch(/\| Support \/ email \| \d+ \|/);
  });

  it('gives the same metrics for the export as CSV, JSON and NDJSON', async () => {
    const [csv, jsonExport, ndjson] = await Promise.all(
      ['csv', 'json', 'ndjson'].map((ext) => json([fixture(`sample/zendesk-export.${ext}`), '--by', 'agent'])),
    );
    expect(csv.input.format).toBe('zendesk-csv');
    expect(jsonExport.input.format).not.toBe('zendesk-csv');
    for (const other of [jsonExport, ndjson]) {
      expect(other.summary).toEqual(csv.summary);
      expect(other.groups).toEqual(csv.groups);
      expect(other.period).toEqual(csv.period);
    }
  });

  it('follows the JSON contract', async () => {
    const result = await json([SAMPLE]);
    expect(Object.keys(result)).toEqual(['schemaVersion', 'input', 'period', 'summary', 'groups', 'peakHours', 'backlog', 'agents', 'correlations', 'notes']);
    expect(result.schemaVersion).toBe(1);
    expect(result.input).toEqual({ files: [SAMPLE], format: 'zendesk-csv', rows: expect.any(Number), tickets: expect.any(Number), skipped: 0, duplicates: 0 });
    expect(result.summary.created).toBe(result.input.tickets);
    expect(result.summary.serviceLevel).toMatchObject({ targetMinutes: 60 });
    for (const key of ['firstReplyMinutes', 'fullResolutionMinutes', 'firstResolutionMinutes']) {
      expect(Object.keys(result.summary[key])).toEqual(['count', 'mean', 'median', 'p90', 'p95']);
    }
  });

  it('--from/--to bound the period (both days inclusive) and --sla sets the target', async () => {
    const whole = await json([SAMPLE, '--by', 'day']);
    const result = await json([SAMPLE, '--from', '2024-02-12', '--to', '2024-02-18', '--sla', '30m', '--tz', 'UTC']);
    expect(result.period).toEqual({ from: '2024-02-12T00:00:00Z', to: '2024-02-19T00:00:00Z', days: 7, tz: 'UTC' });
    const week = whole.groups.day.filter((d: { key: string }) => d.key >= '2024-02-12' && d.key <= '2024-02-18');
    expect(result.summary.created).toBe(week.reduce((sum: number, d: { created: number }) => sum + d.created, 0));
    expect(result.summary.serviceLevel.targetMinutes).toBe(30);
  });

  it('writes one CSV row per group, neutralising formula-looking names from the export', async () => {
    const input = [
      'Id,Created at,Status,Group,Assignee,First reply time in minutes',
      '1,2024-03-01 10:00:00,Solved,"=HYPERLINK(""http://x"")",-agent,30',
      '2,2024-03-01 11:00:00,Open,Support,@bob,90',
    ].join('\n');
    const { stdout, stderr, code } = await runCli(['metrics', '-', '--by', 'group', '--format', 'csv'], { input });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^group,created,solved,unsolved,createdPerDay,solvedPerDay,unanswered,firstReplyMinutes\.count,/);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['"\'=HYPERLINK(""http://x"")"', 'Support']);
    // Notes go to stderr so the file stays a clean table.
    expect(stderr).toContain('csops: note: ');
  });

  it('writes TSV with the summary as one "all" row', async () => {
    const { stdout, code } = await runCli(['metrics', SAMPLE, '--format', 'tsv']);
    expect(code).toBe(0);
    const [head, row] = stdout.trimEnd().split('\n');
    expect(head!.split('\t').slice(0, 3)).toEqual(['scope', 'created', 'solved']);
    expect(row!.split('\t')[0]).toBe('all');
  });

  it.each([
    [['--by', 'team'], 'csops: --by: must be one of agent, group, channel, priority, day, week, month\n'],
    [['--by', 'agent,agent'], 'csops: --by: names a dimension twice\n'],
    [['--sla', 'soon'], 'csops: --sla: "soon" is not a positive duration like 90s, 30m, 4h or 2d\n'],
    [['--sla', '1h', '--first-reply-target', '2h'], 'csops: --sla: give either --sla or --first-reply-target, not both\n'],
    [['--from', '2024-03-10', '--to', '2024-03-01'], 'csops: --to: must not be before --from\n'],
    [['--from', '10.03.2024'], 'csops: --from: "10.03.2024" is not a day as YYYY-MM-DD\n'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['metrics', SAMPLE, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(message);
  });
});

// Expected figures were computed from the file with Python (csv + statistics.quantiles, method
// 'inclusive' = R type 7), not with csops.
const PLUM = `${SHARED_DATA}zendesk-real/plum-zendesk-export.csv`;
describe.skipIf(!existsSync(PLUM))('csops metrics on the real 16,476-ticket Zendesk export', () => {
  it('matches an independent computation and leaves the missing calendar first reply null', async () => {
    const { summary, notes } = await json([PLUM]);
    expect(summary).toMatchObject({ created: 16_476, solved: 14_409, unanswered: 3716, firstReplyMinutes: null });
    expect(summary.firstReplyMinutesBusiness).toEqual({
      count: 12_760,
      mean: expect.closeTo(1852.11395, 4),
      median: 478,
      p90: expect.closeTo(4728.1, 6),
      p95: expect.closeTo(8142.65, 6),
    });
    expect(summary.fullResolutionMinutes).toMatchObject({ count: 14_409, median: 5751, p90: expect.closeTo(34_920.2, 6), p95: expect.closeTo(51_000, 6) });
    expect(summary.oneTouch).toEqual({ solved: 14_409, oneTouch: 7730, rate: 7730 / 14_409 });
    expect(summary.fcr).toEqual({ eligible: 11_178, resolvedOnFirstContact: 4198, rate: 4198 / 11_178 });
    expect(summary.reopenRate).toBe(2173 / 14_409);
    expect(summary.csat).toEqual({ offered: 5453, responses: 813, satisfied: 720, score: 720 / 813, responseRate: 813 / 5453, scale: '1-5' });
    expect(summary.serviceLevel).toEqual({ targetMinutes: 60, basis: 'business', replies: 12_760, withinTarget: 1734, rate: 1734 / 12_760 });
    expect(notes.some((n: string) => n.startsWith('firstReplyMinutes is null: the export has only business-hours'))).toBe(true);
  });
});

describe('CSOPS_THREADS', () => {
  it('a value that is not a whole number ≥ 1 is one line on stderr and exit 2', async () => {
    const { stdout, stderr, code } = await runCli(['metrics', '--format', 'json', SAMPLE], { env: { CSOPS_THREADS: 'two' } });
    expect({ stdout, stderr, code }).toEqual({ stdout: '', stderr: 'csops: CSOPS_THREADS: "two" is not a whole number ≥ 1\n', code: 2 });
  });
});
