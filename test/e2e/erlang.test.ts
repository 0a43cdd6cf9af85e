import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

// Expected figures: /work/shared/research/staffing.md §2 (C1, C8) and §3.1 (A2).
describe('csops erlang', () => {
  it('evaluates a staffing level as JSON', async () => {
    const { stdout, stderr, code } = await runCli(
      ['erlang', '--volume', '100', '--interval', '30m', '--aht', '180s', '--threshold', '20s', '--agents', '14', '--shrinkage', '30%', '--format', 'json'],
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ schemaVersion: 1, model: 'erlang-c', agents: 14, positions: 20 });
    expect(result.traffic).toBeCloseTo(10, 9);
    // C7: Damonsoul/ErlangC at N = 14.
    expect(result.waitProbability).toBeCloseTo(0.1741319, 6);
    expect(result.serviceLevel).toBeCloseTo(0.88835, 5);
    expect(result.asaSeconds).toBeCloseTo(7.836, 3);
    expect(result.occupancy).toBeCloseTo(0.714286, 6);
  });

  it('sizes for a service level and prints the staffing curve (C8)', async () => {
    const { stdout, code } = await runCli(
      ['erlang', '--volume', '100', '--interval', '30m', '--aht', '3m', '--threshold', '20s', '--target-sl', '80%', '--shrinkage', '0.3'],
    );
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('sizes with abandonment under --patience (A2)', async () => {
    const { stdout, code } = await runCli(
      ['erlang', '--volume', '100', '--interval', '30m', '--aht', '3m', '--threshold', '20s', '--target-sl', '0.8', '--patience', '5m', '--max-abandon', '5%', '--shrinkage', '0.3', '--format', 'csv'],
    );
    expect(code).toBe(0);
    const [head, row] = stdout.trim().split('\n').map((line) => line.split(','));
    const result = Object.fromEntries(head!.map((key, i) => [key, row![i]]));
    expect(result).toMatchObject({ model: 'erlang-a', agents: '13', positions: '19' });
    expect(Number(result.abandonProbability)).toBeCloseTo(0.025, 3);
  });

  it('sizes on average speed of answer', async () => {
    const { stdout, code } = await runCli(['erlang', '--volume', '100', '--interval', '30m', '--aht', '3m', '--target-asa', '20s', '--max-occupancy', '1', '--format', 'json']);
    expect(code).toBe(0);
    // C5–C6: ASA 40.4 s at 12 agents, 17.1 s at 13.
    expect(JSON.parse(stdout).agents).toBe(13);
  });

  it.each([
    [['--volume', '350', '--aht', '300s', '--agents', '29'], /^csops: --agents: 29 agents cannot keep up with 29\.17 Erlangs/],
    [['--volume', '350', '--aht', '0s', '--agents', '40'], /^csops: --aht: "0s" is not a positive duration/],
    [['--volume', '350', '--aht', '-5s', '--agents', '40'], /^csops: --aht: "-5s" is not a positive duration/],
    [['--volume', '350', '--aht', '300', '--agents', '40'], /^csops: --aht: "300" is not a positive duration like 90s, 30m, 4h or 2d\n$/],
    [['--volume', '350', '--aht', '300s', '--interval', '0m', '--agents', '40'], /^csops: --interval: /],
    [['--volume', '350', '--aht', '300s'], /^csops: give exactly one of --agents \(evaluate\), --target-sl or --target-asa \(size\)\n$/],
    [['--volume', '350', '--aht', '300s', '--target-sl', '1'], /^csops: --target-sl: "1" must be a share between 0 and 1/],
  ])('rejects %j with exit 2', async (args, message) => {
    const { stdout, stderr, code } = await runCli(['erlang', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('has stable help', async () => {
    const { stdout, code } = await runCli(['erlang', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });
});
