import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { fixture, runCli, SAMPLE } from './helpers.js';

const tempDir = tempDirs('simulate');

// Morning-inbox figures are the seeds' example (DOMAIN.md §4); the expected shares and waits are
// derived in test/queue/invariants.test.ts (ages step 14.6 min from 5 min; 108 s per message).
const MORNING = ['simulate', '--scenario', 'morning-inbox', '--policy', 'fifo,newest-first'];
const POISSON = ['simulate', '--arrivals', 'poisson:40/h', '--horizon', '3d', '--warmup', '1d', '--hours', '24/7', '--agents', '6', '--format', 'json'];

describe('csops simulate', () => {
  it('morning inbox as JSON: the pinned contract, equal means, newest-first ahead within 1 h and behind on the max', async () => {
    const { stdout, stderr, code } = await runCli([...MORNING, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result.schemaVersion).toBe(1);
    const [fifo, newest] = result.policies;
    expect(fifo.policy).toBe('fifo');
    expect(newest.policy).toBe('newest-first');
    expect(Object.keys(fifo.overall)).toEqual(expect.arrayContaining(['count', 'mean', 'median', 'p90', 'p95', 'p99', 'max', 'withinSla']));
    expect(Object.keys(fifo.overall.withinSla)).toEqual(['60', '240', '1440']);
    expect(fifo).toHaveProperty('unansweredAtEnd', 0);
    expect(fifo).toHaveProperty('oldestWaitingMinutes', null);
    expect(fifo.utilisation).toBe(1);
    expect(fifo.byClass.normal.count).toBe(50);
    expect(newest.overall.mean).toBe(fifo.overall.mean);
    expect(fifo.overall.withinSla['60']).toBe(0);
    expect(newest.overall.withinSla['60']).toBe(0.08);
    expect(fifo.overall.max).toBe(720);
    expect(newest.overall.max).toBe(808.2);
    expect(result.verdict.text).toContain('within 1h: newest-first 8.0% (next fifo 0.0%)');
  });

  it('morning inbox as a table', async () => {
    const { stdout, code } = await runCli(MORNING);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('csv has one row per policy and class, neutralised by the shared writer', async () => {
    const { stdout, code } = await runCli([...MORNING, '--format', 'csv']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'policy,class,count,mean,median,p90,p95,p99,max,within_60m,within_240m,within_1440m,over_24h,answered_before_patience,unanswered_at_end,oldest_waiting_minutes,utilisation',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'fifo,all,50',
      'fifo,normal,50',
      'newest-first,all,50',
      'newest-first,normal,50',
    ]);
  });

  it('markdown carries both tables and the verdict', async () => {
    const { stdout, code } = await runCli([...MORNING, '--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('| overall | fifo | newest-first |');
    expect(stdout).toContain('| class | fifo | newest-first |');
    expect(stdout).toMatch(/^Verdict: within 1h: newest-first/m);
  });

  it('replays the bundled sample by default, the same way for the same seed', async () => {
    const args = ['simulate', '--seed', '7', '--format', 'json'];
    const first = await runCli(args);
    const second = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('bundled sample');
    expect(first.stdout).toBe(second.stdout);
    const result = JSON.parse(first.stdout);
    expect(result.input.tickets).toBe(result.simulation.tickets);
    expect(result.policies.map((p: { policy: string }) => p.policy)).toEqual([
      'fifo',
      'newest-first',
      'triage',
      'triage-newest',
      'triage-newest+age-cap=24h',
    ]);
    // Every replayed ticket is answered or still waiting; none is lost.
    for (const p of result.policies) expect(p.overall.count + p.unansweredAtEnd).toBe(result.input.tickets);
  });

  it('replays a named export through the shared loader', async () => {
    const { stdout, code } = await runCli(['simulate', SAMPLE, '--hours', '24/7', '--agents', '2', '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.input.files).toHaveLength(1);
    expect(result.simulation.hours).toBe('24/7');
    expect(Object.keys(result.policies[0].byClass)).toContain('urgent');
  });

  it('reads a generic CSV through the config column map, in the config time zone', async () => {
    const cwd = tempDir();
    const columns = { id: 'Ticket', createdAt: 'Opened', firstReplyAt: 'First response', solvedAt: 'Closed', assignee: 'Owner', group: 'Queue' };
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ timeZone: 'Europe/Berlin', columns }));
    const { stdout, code } = await runCli(['simulate', fixture('generic/opened.csv'), '--agents', '2', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.simulation.tz).toBe('Europe/Berlin');
    expect(result.input.format).toBe('generic-csv');
  });

  it('resamples the handling times an export records unless --handle-time is given', async () => {
    const file = fixture('intercom/conversations.csv');
    const recorded = await runCli(['simulate', file, '--agents', '1', '--format', 'json']);
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toBe('csops: note: handling times resampled from the 18 the export records (mean 10.3m); --handle-time overrides them\n');
    expect(JSON.parse(recorded.stdout).simulation.handleTime).toBe('recorded (18 tickets, mean 10.3m)');
    const flagged = await runCli(['simulate', file, '--agents', '1', '--handle-time', 'exp:6m', '--format', 'json']);
    expect(flagged.stderr).toBe('');
    expect(JSON.parse(flagged.stdout).simulation.handleTime).toBe('exp:6m');
    const untimed = await runCli(['simulate', SAMPLE, '--format', 'json']);
    expect(untimed.stderr).toContain('csops: note: the export records no handling time for enough tickets; each takes exp:8m (set --handle-time)\n');
  });

  it('Poisson arrivals are reproducible by seed and differ between seeds', async () => {
    const a = await runCli([...POISSON, '--seed', '7']);
    const b = await runCli([...POISSON, '--seed', '7']);
    const c = await runCli([...POISSON, '--seed', '8']);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.input).toBeNull();
    expect(result.simulation.warmupUntil).toBe('2024-01-02T00:00:00Z');
  });

  it('end to end against Erlang C (research/queue.md T13, §2.1): M/M/3, λ = 0.2/min, 10 min handling, two years', async () => {
    const { stdout, code } = await runCli([
      'simulate', '--arrivals', 'poisson:0.2/m', '--handle-time', 'exp:10m', '--agents', '3', '--hours', '24/7',
      '--horizon', '730d', '--warmup', '7d', '--policy', 'fifo,newest-first', '--sla', '5m,10m', '--seed', '7', '--format', 'json',
    ]);
    expect(code).toBe(0);
    const [fifo, newest] = JSON.parse(stdout).policies;
    // Wq = 4.444 min for both orders. Tolerance ±7%: seeds 1–5 stayed within 3.3%.
    for (const p of [fifo, newest]) {
      expect(Math.abs(p.overall.mean - 4.444)).toBeLessThan(0.07 * 4.444);
      // ρ = λ / (cμ) = 2/3 (±1.5%; seeds 1–5 within 0.6%).
      expect(Math.abs(p.utilisation - 2 / 3)).toBeLessThan(0.015 * (2 / 3));
    }
    // FIFO tail P(Wq > t) = C·e^{−(cμ−λ)t} with C = 0.4444: within 5 min 0.7304, within 10 min 0.8365
    // (±1.2 percentage points; seeds 1–5 within 0.6).
    expect(Math.abs(fifo.overall.withinSla['5'] - 0.7304)).toBeLessThan(0.012);
    expect(Math.abs(fifo.overall.withinSla['10'] - 0.8365)).toBeLessThan(0.012);
    // Same mean, different spread: newest-first answers more within 5 min and has the longer tail.
    expect(newest.overall.withinSla['5']).toBeGreaterThan(fifo.overall.withinSla['5']);
    expect(newest.overall.p99).toBeGreaterThan(fifo.overall.p99);
  });

  it('accepts the command line pinned in the issue', async () => {
    const { stdout, code } = await runCli([
      'simulate', SAMPLE, '--policy', 'fifo,newest-first,triage,triage-newest', '--agents', '4',
      '--hours', 'Mon-Fri 09:00-17:00', '--tz', 'UTC', '--handle-time', 'exp:6m', '--seed', '7', '--format', 'json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.policies.map((p: { policy: string }) => p.policy)).toEqual(['fifo', 'newest-first', 'triage', 'triage-newest']);
    for (const p of result.policies) {
      expect(Object.keys(p)).toEqual(['policy', 'overall', 'byClass', 'unansweredAtEnd', 'oldestWaitingMinutes', 'utilisation']);
    }
  });

  it('reports the share answered before customers give up when --patience is set', async () => {
    const { stdout, code } = await runCli([...POISSON, '--patience', 'exp:1h']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const p of result.policies) expect(p.overall.answeredBeforePatience).toBeGreaterThan(0);
    expect(result.verdict.targets.map((t: { target: string }) => t.target)).toContain('patience');
  });

  it('--watch off a terminal prints the plain report and says why', async () => {
    const { stdout, stderr, code } = await runCli([...MORNING, '--watch']);
    expect(code).toBe(0);
    expect(stderr).toBe('csops: --watch needs a terminal; printing the report only\n');
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('Verdict:');
  });

  it.each([
    [['--policy', 'random'], 'csops: --policy: unknown policy "random"'],
    [['--policy', 'fifo+age-cap=1h'], 'csops: --policy: age-cap applies to newest-first policies, not to fifo'],
    [['--hours', 'weekdays'], 'csops: --hours: "weekdays" is not a shift like'],
    [['--handle-time', 'gamma:3m'], 'csops: --handle-time: unknown distribution "gamma"'],
    [['--arrivals', 'poisson:lots'], 'csops: --arrivals: "poisson:lots" is not a rate like poisson:40/h'],
    [['--agents', '0'], 'csops: --agents: "0" must be a whole number of at least 1'],
    [['--sla', 'soon'], 'csops: --sla: "soon" is not a positive duration like 90s, 30m, 4h or 2d'],
    [['--tz', 'Mars/Base'], 'csops: --tz: "Mars/Base" is not an IANA time zone'],
    [['--scenario', 'morning-inbox', 'export.csv'], 'csops: --scenario: morning-inbox is a fixed batch'],
    [['--age-cap', 'forever'], 'csops: --age-cap: "forever" is not a positive duration like 90s, 30m, 4h or 2d'],
    [['--profile'], 'csops: --profile: only shapes synthetic --arrivals'],
  ])('bad input %j → one line, exit 2', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['simulate', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('help', async () => {
    const { stdout, code } = await runCli(['simulate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });
});
