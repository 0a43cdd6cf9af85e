import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { run } from '../../src/cli/main.js';

/** Runs the CLI in-process with captured streams (no build needed). */
async function runInProcess(argv: string[], cwd = process.cwd()): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = '';
  let stderr = '';
  const ctx: CliContext = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: Readable.from([]) as unknown as CliContext['stdin'],
    env: { NO_COLOR: '1' },
    cwd,
  };
  const code = await run(argv, ctx);
  return { stdout, stderr, code };
}

describe('exit codes', () => {
  it.each([
    [['--help'], 0],
    [['--version'], 0],
    [['help'], 0],
    [['inspect', '--format', 'json'], 0],
    [['--bogus'], 2],
    [['nope'], 2],
    [['inspect', 'no/such/file.csv'], 2],
    [['inspect', '--tz'], 2],
    [['inspect', '--format', 'xml'], 2],
  ])('%j → %d', async (argv, expected) => {
    const { code, stderr } = await runInProcess(argv);
    expect(code).toBe(expected);
    if (expected === 2) expect(stderr).toMatch(/^csops: .+\n$/);
  });

  it('never prints a stack trace for bad input', async () => {
    const { stderr } = await runInProcess(['inspect', 'no/such/file.csv']);
    expect(stderr).toBe('csops: no/such/file.csv: no such file\n');
  });
});

describe('the working directory', () => {
  it('resolves exports, survey and account files against the context, not the process', async () => {
    const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
    const args = ['report', 'sample/zendesk-export.csv', '--surveys', 'surveys/surveys.csv', '--accounts', 'accounts/accounts.csv', '--format', 'json'];
    const { stdout, stderr, code } = await runInProcess(args, fixtures);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.input.files).toEqual(['sample/zendesk-export.csv']);
    expect(report.surveys).not.toBeNull();
    expect(report.accounts).not.toBeNull();
    const missing = await runInProcess(['report', 'sample/zendesk-export.csv', '--surveys', 'surveys/none.csv'], fixtures);
    expect(missing).toMatchObject({ code: 2, stderr: 'csops: surveys/none.csv: no such file\n' });
  });
});

/** Runs `body` in a scratch folder holding `files`, removed afterwards. */
async function inScratchFolder(files: Record<string, string>, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'csops-run-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    await body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the period of an input', () => {
  it('inspect counts calendar days in the zone, as metrics does', async () => {
    // Two hours apart, on two calendar days.
    const late = 'Id,Created at,Status\r\n1,2024-03-01 23:00:00,Open\r\n2,2024-03-02 01:00:00,Open\r\n';
    await inScratchFolder({ 'late.csv': late }, async (dir) => {
      const days = async (command: string): Promise<number> => {
        const { stdout } = await runInProcess([command, 'late.csv', '--tz', 'UTC', '--format', 'json'], dir);
        return JSON.parse(stdout).period.days;
      };
      expect(await days('inspect')).toBe(2);
      expect(await days('metrics')).toBe(2);
    });
  });
});

describe('notes about the input', () => {
  it('count in the singular when there is one of a kind', async () => {
    const rows = ['1,2024-03-01 10:00:00,Open', '1,2024-03-01 10:00:00,Open', '2,yesterday,Open', '3,2999-01-01 10:00:00,Open'];
    await inScratchFolder({ 'one-each.csv': ['Id,Created at,Status', ...rows, ''].join('\r\n') }, async (dir) => {
      const { stdout } = await runInProcess(['inspect', 'one-each.csv', '--tz', 'UTC', '--format', 'json'], dir);
      expect(JSON.parse(stdout).notes).toEqual([
        '1 ticket is dated in the future (check --tz)',
        '1 malformed row skipped',
        '1 duplicate ticket merged (the most recently updated copy kept)',
      ]);
    });
  });
});

describe("the config's CSAT cut-off", () => {
  it('a 1–5 cut-off from the config changes ticket CSAT, not only survey CSAT', async () => {
    const rows = ['1,2024-03-01 10:00:00,Solved,5', '2,2024-03-01 11:00:00,Solved,4', '3,2024-03-01 12:00:00,Solved,3', '4,2024-03-01 13:00:00,Solved,5'];
    const files = {
      'rated.csv': ['Id,Created at,Status,Satisfaction Score', ...rows, ''].join('\r\n'),
      'strict.json': JSON.stringify({ surveys: { csatSatisfiedFrom: { '1-5': 5 } } }),
    };
    await inScratchFolder(files, async (dir) => {
      const csat = async (...config: string[]): Promise<unknown> => {
        const { stdout } = await runInProcess(['metrics', 'rated.csv', '--tz', 'UTC', '--format', 'json', ...config], dir);
        return JSON.parse(stdout).summary.csat;
      };
      expect(await csat()).toMatchObject({ scale: '1-5', responses: 4, satisfied: 3, score: 0.75 });
      expect(await csat('--config', 'strict.json')).toMatchObject({ scale: '1-5', responses: 4, satisfied: 2, score: 0.5 });
    });
  });
});
