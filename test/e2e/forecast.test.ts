import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { fixture, runCli } from './helpers.js';

const tempDir = tempDirs('forecast');

const json = async (...args: string[]) => {
  const run = await runCli(['forecast', '--format', 'json', ...args]);
  expect(run.code).toBe(0);
  return { ...run, result: JSON.parse(run.stdout) };
};

describe('csops forecast', () => {
  it('follows the JSON contract on the bundled sample', async () => {
    const { result, stderr } = await json();
    expect(stderr).toMatch(/bundled sample/);
    expect(result.schemaVersion).toBe(1);
    expect(result.history).toEqual({ from: '2024-02-05', to: '2024-03-17', days: 42 });
    expect(result.model.chosenBy).toBe('backtest');
    expect(result.backtest.map((s: { model: string }) => s.model)).toEqual([
      'seasonal-naive',
      'seasonal-average',
      'holt-winters',
      'holt-winters-damped',
    ]);
    const best = Math.min(...result.backtest.map((s: { mase: number }) => s.mase));
    expect(result.backtest.find((s: { model: string }) => s.model === result.model.name).mase).toBe(best);
    expect(result.daily).toHaveLength(84);
    expect(Object.keys(result.daily[0])).toEqual(['date', 'volume', 'low', 'high']);
    expect(result.weekly).toHaveLength(12);
    expect(Object.keys(result.weekly[0])).toEqual(
      expect.arrayContaining(['weekStart', 'volume', 'low', 'high', 'fteRequired', 'fteCurrent', 'gap', 'hireBy', 'leadsRequired']),
    );
    for (const w of result.weekly) expect(w.low <= w.volume && w.volume <= w.high).toBe(true);
    expect(result.assumptions.agents).toEqual({ value: 6, source: 'measured' });
    expect(result.assumptions.shrinkage).toEqual({ value: 0.3, source: 'default' });
    expect(result.heatmap.agents).toHaveLength(7);
    expect(result.firstReply).toMatchObject({ targetSeconds: 14400, targetShare: 0.9 });
  });

  it('plans email/web work on the handling times the export records (Intercom), and a flag beats them', async () => {
    const file = fixture('intercom/conversations.csv');
    const recorded = JSON.parse((await runCli(['forecast', file, '--format', 'json'])).stdout);
    // Mean "Handling time (seconds)" of the 16 timed email conversations: 10,095 s / 16 = 630.9 s.
    expect(recorded.assumptions.asyncHandleSeconds).toEqual({ value: 631, source: 'measured' });
    const flagged = JSON.parse((await runCli(['forecast', file, '--handle-time', '12m', '--format', 'json'])).stdout);
    expect(flagged.assumptions.asyncHandleSeconds).toEqual({ value: 720, source: 'flag' });
  });

  it('takes staffing assumptions from the config file, below flags', async () => {
    const dir = tempDir();
    const staffing = { shrinkage: 0.35, occupancy: 0.8, ticketsPerAgentPerDay: 40, hiringLeadTime: '6w', span: 12, hoursPerDay: 7.5 };
    writeFileSync(join(dir, 'csops.config.json'), JSON.stringify({ timeZone: 'Europe/Berlin', staffing }));
    const run = await runCli(['forecast', '--format', 'json', '--span', '10'], { cwd: dir });
    expect(run.code).toBe(0);
    const { assumptions } = JSON.parse(run.stdout);
    expect(assumptions.timeZone).toEqual({ value: 'Europe/Berlin', source: 'config' });
    expect(assumptions.shrinkage).toEqual({ value: 0.35, source: 'config' });
    expect(assumptions.leadTimeWeeks).toEqual({ value: 6, source: 'config' });
    expect(assumptions.hoursPerWeek).toEqual({ value: 37.5, source: 'config' });
    expect(assumptions.span).toEqual({ value: 10, source: 'flag' });
    // 40 tickets in a 7.5 h day at 65 % availability and 80 % occupancy: 351 s each.
    expect(assumptions.asyncHandleSeconds).toEqual({ value: 351, source: 'config' });
  });

  it('plans hires when the team is smaller than the need', async () => {
    const { result } = await json('--agents', '1', '--lead-time', '2w', '--ramp', '1w', '--span', '15');
    expect(result.assumptions.agents).toEqual({ value: 1, source: 'flag' });
    const first = result.weekly[0];
    expect(first.gap).toBeCloseTo(first.fteRequired - 1, 2);
    // Three weeks before the first plan week.
    expect(first.hireBy).toBe('2024-02-26');
    expect(result.hiring.hires[0]).toMatchObject({ seat: 1, neededFrom: '2024-03-18', hireBy: '2024-02-26', late: true });
  });

  it('applies an event on top of a forced model', async () => {
    const base = await json('--model', 'seasonal-naive');
    const spiked = await json('--model', 'seasonal-naive', '--event', '2024-03-25:+100%:1w');
    expect(spiked.result.model).toEqual({ name: 'seasonal-naive', chosenBy: 'flag' });
    expect(spiked.result.weekly[1].volume).toBeCloseTo(2 * base.result.weekly[1].volume, 0);
    expect(spiked.result.weekly[2].volume).toBe(base.result.weekly[2].volume);
    expect(spiked.result.weekly[1].fteRequired).toBeGreaterThan(base.result.weekly[1].fteRequired);
  });

  it('warns and falls back to a flat rate with under four weeks of history', async () => {
    const { result, stderr } = await json('--from', '2024-03-04');
    expect(result.model).toEqual({ name: 'flat', chosenBy: 'fallback' });
    expect(stderr).toMatch(/only 14 days of history \(a forecast needs at least 28\)/);
  });

  it('writes the weekly plan as CSV', async () => {
    const { stdout, code } = await runCli(['forecast', '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('week,volume,low,high,FTE needed,FTE (high),FTE now,gap,leads,hire by');
    expect(stdout.trim().split('\n')).toHaveLength(13);
  });

  it('prints the chart, tables and heatmap', async () => {
    const { stdout, code } = await runCli(['forecast', '--horizon', '4w']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it.each([
    [['--growth', '8'], /^csops: --growth: "8" must look like 8%\/month/],
    [['--event', 'launch'], /^csops: --event: "launch" must look like 2025-03-10:\+40%:2w/],
    [['--coverage', 'weekdays'], /^csops: --coverage: "weekdays" is not a shift like "Mon-Fri 09:00-17:00" \(or 24\/7\)\n$/],
    [['--coverage', 'mon-fri 09-17=3'], /^csops: --coverage: "mon-fri 09-17=3" gives a headcount/],
    [['--sl', '80'], /^csops: --sl: "80" must look like 80\/60s/],
    [['--horizon', '0d'], /^csops: --horizon: "0d" must be between 1d and 104w/],
    [['--shrinkage', '100%'], /^csops: --shrinkage: "100%" must be a share below one/],
  ])('rejects %j with exit 2', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['forecast', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('has stable help', async () => {
    const { stdout } = await runCli(['forecast', '--help']);
    expect(stdout).toMatchSnapshot();
  });
});
