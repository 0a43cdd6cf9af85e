import { describe, expect, it } from 'vitest';
import { fixture, runCli, type CliResult } from '../e2e/helpers.js';
import { scratch } from '../temp-dirs.js';
import { csv, GOOD_ROW, HEADER } from './files.js';

const write = scratch('robustness');

/** Every stderr line is one of csops's own one-line messages: no stack trace, no Node banner. */
function expectOnlyMessages(result: CliResult): void {
  const lines = result.stderr.trimEnd().split('\n').filter((l) => l !== '');
  for (const line of lines) expect(line).toMatch(/^csops: /);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain('internal error');
}

describe('bad inputs through the built binary: documented exit codes, one-line messages', () => {
  it.each([
    ['inspect', 'bad/binary.csv', 'is binary data, not a CSV or JSON export'],
    ['inspect', 'bad/empty.csv', 'is empty'],
    ['inspect', 'bad/object.json', 'is a JSON object without a "tickets" array'],
    ['metrics', 'bad/header-only.csv', 'has no tickets, only a header'],
    ['metrics', 'bad/not-an-export.csv', 'not a recognised export'],
    ['metrics', 'bad/missing.csv', 'no such file'],
  ])('csops %s %s exits 2', async (command, path, message) => {
    const result = await runCli([command, fixture(path)]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectOnlyMessages(result);
  });

  it('skipped rows are warned about on stderr with file:line and the run succeeds (exit 0)', async () => {
    const result = await runCli(['metrics', '--format', 'json', fixture('bad/broken.ndjson')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${fixture('bad/broken.ndjson')}:2: not valid JSON`);
    expect(JSON.parse(result.stdout).input).toMatchObject({ skipped: 1 });
    expectOnlyMessages(result);
  });

  it('a file cut mid-quote: the open record is skipped, the rest reported (exit 0)', async () => {
    const result = await runCli(['metrics', '--format', 'json', fixture('bad/cut-mid-quote.csv')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(':3: a quoted field is never closed');
    expectOnlyMessages(result);
  });

  it('--strict makes the first malformed row fatal (exit 2)', async () => {
    const result = await runCli(['metrics', '--strict', fixture('bad/malformed-rows.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(':3: field "Created at": not a date and time');
    expectOnlyMessages(result);
  });

  it('garbage on standard input is refused like a file (exit 2)', async () => {
    const result = await runCli(['inspect', '-'], { input: '\u0000\u0001\u0002binary\u0000' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('csops: -: is binary data, not a CSV or JSON export\n');
  });

  it('a 10 MB cell does not stall or crash a report', async () => {
    const path = write('big.csv', csv(HEADER, `1,2024-03-01 10:00:00,Solved,Normal,1,0,30,120,"${'y'.repeat(10 * 1024 * 1024)}"`, GOOD_ROW.replace('1,', '2,')));
    const result = await runCli(['metrics', '--format', 'json', path]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary.created).toBe(2);
    expectOnlyMessages(result);
  });

  it('nothing is written to stderr about progress when it is not a terminal', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => GOOD_ROW.replace(/^1,/, `${i + 1},`));
    const result = await runCli(['metrics', '--format', 'json', write('many.csv', csv(HEADER, ...rows))]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('reading');
    expect(result.stderr).not.toContain('\r');
  });
});
