import { describe, expect, it } from 'vitest';
import type { CliContext, OutputStream } from '../../src/cli/context.js';
import { describeProgress, progressLine } from '../../src/cli/progress.js';
import type { LoadProgress } from '../../src/ingest/load.js';

function context(isTTY: boolean): { ctx: CliContext; written: string[] } {
  const written: string[] = [];
  const stderr: OutputStream = { isTTY, columns: 200, write: (chunk: string) => written.push(chunk) };
  const ctx = { stdout: { write: () => true }, stderr, stdin: process.stdin, env: {}, cwd: '/' } as CliContext;
  return { ctx, written };
}

const at = (rows: number, bytes: number, size?: number, done = false): LoadProgress => ({
  file: 'export.csv',
  rows,
  bytes,
  ...(size !== undefined ? { size } : {}),
  done,
});

describe('describeProgress', () => {
  it('gives rows, rows/s, bytes of the size and the time left', () => {
    expect(describeProgress(at(200_000, 80e6, 400e6), 2000)).toBe('200,000 rows (100,000 rows/s), 80 MB of 400 MB, ETA 8 s: export.csv');
  });
  it('gives bytes read without a size (stdin) and minutes for long waits', () => {
    expect(describeProgress(at(1000, 2.5e6), 1000)).toBe('1,000 rows (1,000 rows/s), 2.5 MB read: export.csv');
    expect(describeProgress(at(10, 1e6, 200e6), 1000)).toContain('ETA 3 min 19 s');
  });
});

describe('progressLine', () => {
  it('writes nothing when stderr is not a terminal', () => {
    const { ctx, written } = context(false);
    let now = 0;
    const line = progressLine(ctx, () => now);
    now = 5000;
    line.update(at(1, 1, 10));
    line.clear();
    expect(written).toEqual([]);
  });

  it('stays quiet for the first second, then redraws one line at most every 200 ms and erases it', () => {
    const { ctx, written } = context(true);
    let now = 0;
    const line = progressLine(ctx, () => now);
    now = 900;
    line.update(at(10, 10, 100));
    expect(written).toEqual([]);
    now = 1000;
    line.update(at(20, 20, 100));
    now = 1100;
    line.update(at(30, 30, 100));
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\r\x1b\[2Kcsops: reading 20 rows \(20 rows\/s\), /);
    line.clear();
    expect(written[1]).toBe('\r\x1b[2K');
    line.clear();
    expect(written).toHaveLength(2);
  });
});
