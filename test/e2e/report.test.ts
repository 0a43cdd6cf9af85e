import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { BUNDLED_SAMPLE_NOTICE, fixture, runCli, SAMPLE } from './helpers.js';

const SURVEYS = fixture('surveys/surveys.csv');
const ACCOUNTS = fixture('accounts/sample-orgs.csv');
const tempDir = tempDirs('report');

describe('csops report', () => {
  it('runs on the bundled sample with no files and says so on stderr', async () => {
    const { stdout, stderr, code } = await runCli(['report']);
    expect(code).toBe(0);
    expect(stderr).toBe(BUNDLED_SAMPLE_NOTICE);
    expect(stdout).toMatchSnapshot();
    for (const heading of ['Period and volume', 'What to look at', 'First reply', 'Resolution and quality', 'Satisfaction', 'Backlog', 'Peak hours (UTC)', 'Channels', 'Agents']) {
      expect(stdout).toContain(`\n${heading}\n`);
    }
  });

  it('markdown matches the golden file', async () => {
    const { stdout, code } = await runCli(['report', SAMPLE, '--format', 'markdown']);
    expect(code).toBe(0);
    await expect(stdout.replace(SAMPLE, 'sample/zendesk-export.csv')).toMatchFileSnapshot('../report/golden/sample.md');
  });

  it('markdown with surveys and accounts matches the golden file', async () => {
    const { stdout, code } = await runCli(['report', SAMPLE, '--surveys', SURVEYS, '--accounts', ACCOUNTS, '--format', 'markdown']);
    expect(code).toBe(0);
    await expect(stdout.replace(SAMPLE, 'sample/zendesk-export.csv')).toMatchFileSnapshot('../report/golden/sample-with-customers.md');
  });

  it('json: the report object with schemaVersion 1 and hand-checkable customer figures', async () => {
    const { stdout, code } = await runCli(['report', SAMPLE, '--surveys', SURVEYS, '--accounts', ACCOUNTS, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ schemaVersion: 1, input: { format: 'zendesk-csv', tickets: 426 }, period: { days: 42, tz: 'UTC' } });
    expect(report.targets).toMatchObject({ csat: 0.8, nps: 50, customerChurn: 0.05, mrrChurn: 0.01, netMrrChurn: 0, firstReplyMinutes: 60 });
    expect(report.surveys.nps).toEqual({ responses: 10, promoters: 6, passives: 2, detractors: 2, score: 40 });
    // March: Hooli (2000) and Wayne (50) of 4000 leave, Umbrella grows by 100.
    const march = report.accounts.latest;
    expect(march).toMatchObject({ month: '2024-03', customersStart: 7, customersLost: 2, churnedMrr: 2050, expansionMrr: 100 });
    expect(march.netMrrChurn).toBeCloseTo(1950 / 4000, 12);
    expect(report.support).toMatchObject({ joinedOn: 'organization', churned: { customers: 2, customersWithTickets: 1 } });
    expect(report.peakHours.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(426);
    expect(report.firstReplyHistogram.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(report.summary.firstReplyMinutes.count);
    expect(JSON.stringify(report)).not.toMatch(/@example\.com|Customer \d+/);
  });

  it('--from/--to compares with the period of equal length before it', async () => {
    const { stdout, code } = await runCli(['report', SAMPLE, '--from', '2024-03-04', '--to', '2024-03-17', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.period).toMatchObject({ days: 14 });
    expect(report.trend.label).toBe('this period vs the 14 days before');
    expect(report.trend.previous).toMatchObject({ days: 14 });
    expect(report.trend.previous.from.slice(0, 10)).toBe('2024-02-19');
  });

  it('writes one self-contained HTML file atomically and says so on stderr', async () => {
    const dir = tempDir();
    const { stdout, stderr, code } = await runCli(['report', SAMPLE, '--html', 'out.html'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('csops: wrote out.html\n');
    expect(await readdir(dir)).toEqual(['out.html']);
    const html = await readFile(join(dir, 'out.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(html.match(/<svg /g)).toHaveLength(6);
  });

  it('prints the HTML with --html - and the table too when --format is given', async () => {
    const dash = await runCli(['report', SAMPLE, '--html', '-']);
    expect(dash.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    const dir = tempDir();
    const both = await runCli(['report', SAMPLE, '--html', 'r.html', '--format', 'markdown'], { cwd: dir });
    expect(both.stdout.startsWith('# Support report\n')).toBe(true);
  });

  it('reads targets and the time zone from the config; flags and env beat it', async () => {
    const dir = tempDir();
    await writeFile(join(dir, 'csops.config.json'), JSON.stringify({ timeZone: 'Europe/Berlin', targets: { firstReply: '4h', csat: 0.95 } }));
    const json = async (args: string[], env: Record<string, string> = {}) =>
      JSON.parse((await runCli(['report', SAMPLE, '--format', 'json', ...args], { cwd: dir, env })).stdout);
    const fromConfig = await json([]);
    expect(fromConfig.period.tz).toBe('Europe/Berlin');
    expect(fromConfig.targets).toMatchObject({ firstReplyMinutes: 240, csat: 0.95 });
    expect(fromConfig.summary.serviceLevel.targetMinutes).toBe(240);
    expect((await json([], { CSOPS_TZ: 'Asia/Tokyo', CSOPS_FIRST_REPLY_TARGET: '2h' })).period.tz).toBe('Asia/Tokyo');
    const flagged = await json(['--tz', 'UTC', '--first-reply-target', '30m'], { CSOPS_TZ: 'Asia/Tokyo', CSOPS_FIRST_REPLY_TARGET: '2h' });
    expect(flagged.period.tz).toBe('UTC');
    expect(flagged.targets.firstReplyMinutes).toBe(30);
  });

  it('adds the growth stage in brief for --headcount, or the headcount saved by csops checklist', async () => {
    const flagged = await runCli(['report', SAMPLE, '--headcount', '30', '--format', 'json']);
    expect(flagged.code).toBe(0);
    const { checklist } = JSON.parse(flagged.stdout);
    expect(checklist.stage).toMatchObject({ id: 'middle', range: '20–99 people' });
    expect(checklist.next).toMatchObject({ title: 'Growth', range: '100–249 people' });
    expect(checklist.next.items).toHaveLength(3);
    const dir = tempDir();
    await mkdir(join(dir, '.csops'));
    await writeFile(join(dir, '.csops', 'checklist.json'), JSON.stringify({ schemaVersion: 1, company: { headcount: 3 }, items: {} }));
    const saved = await runCli(['report', SAMPLE], { cwd: dir });
    expect(saved.stdout).toContain('\nGrowth stage: Founding (0–4 people)\n');
    const none = await runCli(['report', SAMPLE, '--format', 'json']);
    expect(JSON.parse(none.stdout).checklist).toBeNull();
  });

  it('warns about a saved checklist it cannot read and reports without it', async () => {
    const dir = tempDir();
    await mkdir(join(dir, '.csops'));
    await writeFile(join(dir, '.csops', 'checklist.json'), '{ "schemaVersion": 1, ');
    const plain = await runCli(['report', SAMPLE, '--format', 'json'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('csops: .csops/checklist.json: is not valid JSON (fix or delete it to start over); the report goes on without the saved checklist\n');
    expect(JSON.parse(plain.stdout).checklist).toBeNull();
    const sized = await runCli(['report', SAMPLE, '--headcount', '30', '--format', 'json'], { cwd: dir });
    expect(sized.code).toBe(0);
    expect(JSON.parse(sized.stdout).checklist.stage).toMatchObject({ id: 'middle' });
  });

  it.each([
    [['--headcount', 'many'], /--headcount: "many" must be a whole number from 1 to 10000000\n$/],
    [['--surveys', fixture('surveys/bad-score.csv')], /bad-score\.csv:3: field "score": "11" is not a NPS score on the 0-10 scale\n$/],
    [['--accounts', fixture('accounts/bad-mrr.csv')], /bad-mrr\.csv:3: field "mrr": "-5" is not an amount of at least 0\n$/],
    [['--from', '2024-3-1'], /--from: "2024-3-1" is not a day as YYYY-MM-DD\n$/],
    [['--tz', 'Mars/Olympus', '--from', '2024-03-01'], /--tz: "Mars\/Olympus" is not an IANA time zone/],
    [['--from', '2024-03-10', '--to', '2024-03-01'], /--to: must not be before --from\n$/],
    [['--first-reply-target', 'soon'], /--first-reply-target: "soon" is not a positive duration like 90s, 30m, 4h or 2d\n$/],
    [['--format', 'pdf'], /argument 'pdf' is invalid/],
    [['--html', '/nonexistent-dir/r.html'], /\/nonexistent-dir\/r\.html: cannot write the report \(ENOENT\)\n$/],
  ])('exits 2 on bad input or usage: %j', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['report', SAMPLE, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain('    at ');
  });
});
