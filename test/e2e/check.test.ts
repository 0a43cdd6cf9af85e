import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { fixture, runCli, SAMPLE } from './helpers.js';

const tempDir = tempDirs('check');

describe('csops check: exit codes', () => {
  it('exits 0 when every rule passes', async () => {
    const { stdout, stderr, code } = await runCli(['check', SAMPLE, '--rule', 'firstReply.p90 <= 8h', '--rule', 'csat.score >= 80%']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('exits 1 when a rule fails, and the table says which', async () => {
    const { stdout, code } = await runCli(['check', SAMPLE, '--rule', 'firstReply.p90 <= 4h', '--rule', 'csat.score >= 0.8', '--rule', 'fcr.rate >= 0.6']);
    expect(code).toBe(1);
    expect(stdout).toMatchSnapshot();
    expect(stdout).toContain('check failed: 1 passed, 2 failed');
  });

  it('exits 1 on insufficient data unless --allow-insufficient', async () => {
    const args = ['check', SAMPLE, '--rule', 'csat >= 0.5', '--by', 'agent', '--min-sample', '1000'];
    const strict = await runCli(args);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('INSUFFICIENT DATA');
    expect(strict.stdout).toMatch(/only \d+ data points \(at least 1000 needed\)/);
    const allowed = await runCli([...args, '--allow-insufficient']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/check passed: 0 passed, 0 failed, \d+ with insufficient data \(allowed\)/);
  });

  it.each([
    [['--rule', 'firstReply.p99 <= 4h'], /^csops: --rule: unknown metric "firstReply\.p99"; valid metrics: .*firstReplyMinutes\.\{count,mean,median,p90,p95\}/],
    [['--rule', 'csat.score >= 80'], /^csops: --rule: "csat.score >= 80": csat.score is a share from 0 to 1; write 0.8 or 80%\n$/],
    [[], /^csops: no rules to check: give --rule/],
    [['--rule', 'nps >= 50'], /^csops: a rule names a surveys\.\* metric: give --surveys FILE\n$/],
    [['--rule', 'csat >= 0.8', '--min-sample', 'many'], /^csops: --min-sample: "many" must be a whole number of at least 1\n$/],
    [['--rule', 'csat >= 0.8', '--format', 'xml'], /^csops: option '--format <format>' argument 'xml' is invalid/],
    [['--rule', 'csat >= 0.8', '--config', 'missing.json'], /^csops: missing\.json: config file not found\n$/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['check', SAMPLE, ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('exits 2 on unreadable input', async () => {
    const { stderr, code } = await runCli(['check', fixture('nope.csv'), '--rule', 'csat >= 0.8']);
    expect(code).toBe(2);
    expect(stderr).toContain('nope.csv: no such file');
  });
});

describe('csops check: rules from the config file', () => {
  it('reads check.rules, minSample and by from ./csops.config.json', async () => {
    const cwd = tempDir();
    await writeFile(
      join(cwd, 'csops.config.json'),
      JSON.stringify({ check: { rules: ['firstReply.median <= 2h', { metric: 'reopens', op: '<=', value: '20%' }], minSample: 5, by: 'group' } }),
    );
    const { stdout, code } = await runCli(['check', SAMPLE, '--format', 'json'], { cwd });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ schemaVersion: 1, minSample: 5, by: 'group', allowInsufficient: false });
    // Tickets without a group count in the totals but are not judged as a group of their own.
    expect([...new Set(result.results.map((r: { scope: string }) => r.scope))].sort()).toEqual(['Billing', 'Support']);
    expect(code).toBe(result.passed ? 0 : 1);
  });

  it('names the config key that is wrong (exit 2)', async () => {
    const cwd = tempDir();
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ check: { minSample: 0 } }));
    const { stderr, code } = await runCli(['check', SAMPLE, '--rule', 'csat >= 0.8'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^csops: csops\.config\.json: check\.minSample: /);
  });

  it('names the config rule that is wrong', async () => {
    const cwd = tempDir();
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ check: { rules: ['csat >= 0.8', 'speed < 1h'] } }));
    const { stderr, code } = await runCli(['check', SAMPLE], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^csops: .*csops\.config\.json: check\.rules\[1\]: unknown metric "speed"/);
  });

  it('lets flags beat the environment and the environment beat the config (min sample)', async () => {
    const cwd = tempDir();
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ check: { minSample: 3 } }));
    const json = async (args: string[], env: Record<string, string> = {}) =>
      JSON.parse((await runCli(['check', SAMPLE, '--rule', 'csat >= 0.5', '--format', 'json', ...args], { cwd, env })).stdout);
    expect((await json([])).minSample).toBe(3);
    expect((await json([], { CSOPS_MIN_SAMPLE: '7' })).minSample).toBe(7);
    expect((await json(['--min-sample', '9'], { CSOPS_MIN_SAMPLE: '7' })).minSample).toBe(9);
  });
});

describe('csops check: output formats', () => {
  const failing = ['check', SAMPLE, '--rule', 'firstReply.p90 <= 4h', '--rule', 'csat.score >= 0.8'];

  it('json', async () => {
    const { stdout, stderr, code } = await runCli([...failing, '--format', 'json']);
    expect(code).toBe(1);
    expect(stderr).toBe('csops: check failed: 1 passed, 1 failed\n');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ schemaVersion: 1, passed: false, counts: { pass: 1, fail: 1, insufficient: 0 } });
    expect(result.results[0]).toMatchObject({ rule: 'firstReply.p90 <= 4h', metric: 'firstReplyMinutes.p90', op: '<=', threshold: 240, scope: 'all', status: 'fail' });
  });

  it('junit', async () => {
    const { stdout, code } = await runCli([...failing, '--format', 'junit']);
    expect(code).toBe(1);
    expect(stdout).toMatchSnapshot();
  });

  it('github: annotations on stdout and a Markdown summary appended to $GITHUB_STEP_SUMMARY', async () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    await writeFile(summary, '# earlier step\n');
    const { stdout, code } = await runCli([...failing, '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error title=csops check failed::firstReply\.p90 <= 4h: was [\d.]+h, target <= 4h \(n=\d+\)\n/);
    expect(stdout.endsWith('check failed: 1 passed, 1 failed\n')).toBe(true);
    const markdown = await readFile(summary, 'utf8');
    expect(markdown.startsWith('# earlier step\n### csops check: failed\n')).toBe(true);
    expect(markdown).toContain('| ❌ fail | `firstReply.p90 <= 4h` | all |');
  });

  it('github without $GITHUB_STEP_SUMMARY prints only the annotations', async () => {
    const { stdout, code } = await runCli([...failing, '--format', 'github']);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });

  it('checks survey and account metrics', async () => {
    const { stdout, code } = await runCli([
      'check', SAMPLE,
      '--surveys', fixture('surveys/surveys.csv'),
      '--accounts', fixture('accounts/accounts.csv'),
      '--rule', 'nps >= 50', '--rule', 'customerChurn <= 5%', '--rule', 'surveys.ces.mean >= 5',
      '--min-sample', '4', '--format', 'json',
    ]);
    expect(code).toBe(1);
    const results = JSON.parse(stdout).results.map((r: { status: string; actual: number }) => [r.status, r.actual]);
    // Hand-computed in test/customer: NPS 40, March churn 1 of 4, CES mean 5.2.
    expect(results).toEqual([['fail', 40], ['fail', 0.25], ['pass', 5.2]]);
  });
});
