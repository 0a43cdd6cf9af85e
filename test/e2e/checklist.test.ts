import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { fixture, runCli, SAMPLE } from './helpers.js';

const ACCOUNTS = fixture('accounts/accounts.csv');
const tempDir = tempDirs('checklist');

interface ChecklistJson {
  schemaVersion: number;
  stage: { id: string; from: number; to: number | null };
  items: { id: string; stage: string; area: string; kind: string; title: string; status: string; evidence: string | null; ticked: boolean }[];
}
const parse = (stdout: string): ChecklistJson => JSON.parse(stdout) as ChecklistJson;

describe('csops checklist: JSON contract', () => {
  it('--headcount 50 --format json gives the middle stage and its items', async () => {
    const cwd = tempDir();
    const { stdout, stderr, code } = await runCli(['checklist', '--headcount', '50', '--format', 'json'], { cwd });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = parse(stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.stage).toEqual({ id: 'middle', from: 20, to: 100 });
    expect(result.items.length).toBeGreaterThan(10);
    for (const item of result.items) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['id', 'stage', 'area', 'kind', 'title', 'status', 'evidence']));
      expect(['do', 'dont']).toContain(item.kind);
      // Without an export nothing is judged from data, and the bundled sample is not used.
      expect(['manual', 'unknown']).toContain(item.status);
    }
  });

  it('judges items from an export and an accounts file', async () => {
    const cwd = tempDir();
    const { stdout, code } = await runCli(['checklist', SAMPLE, '--headcount', '150', '--accounts', ACCOUNTS, '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const items = new Map(parse(stdout).items.map((item) => [item.id, item]));
    expect(items.get('categorise-requests')).toMatchObject({ status: 'met', evidence: '426 of 426 tickets carry a tag (100%)' });
    expect(items.get('fast-first-reply')).toMatchObject({ status: 'not-met', evidence: '54% of 417 first replies within 1h (target 80%)' });
    expect(items.get('proactive-success-team')?.evidence).toMatch(/of revenue \(signal at 80%\)$/);
    expect(items.get('hire-ahead')?.status).toBe('unknown');
  });

  it('--next shows the following stage; --stage any stage', async () => {
    const cwd = tempDir();
    const next = await runCli(['checklist', '--headcount', '50', '--next', '--format', 'json'], { cwd });
    expect(parse(next.stdout).stage).toEqual({ id: 'growth', from: 100, to: 250 });
    const other = await runCli(['checklist', '--stage', 'founding', '--format', 'json'], { cwd });
    expect(parse(other.stdout).stage).toEqual({ id: 'founding', from: 0, to: 5 });
    const last = await runCli(['checklist', '--headcount', '300', '--next', '--format', 'json'], { cwd });
    expect(parse(last.stdout).stage.id).toBe('scale');
    expect(last.stderr).toBe('csops: scale is the last stage; showing it\n');
  });

  it('takes the headcount saved in .csops/checklist.json when no flag is given', async () => {
    const cwd = tempDir();
    await mkdir(join(cwd, '.csops'));
    const saved = { schemaVersion: 1, company: { headcount: 300 }, items: { 'span-of-control': { ticked: true }, gone: { ticked: true } } };
    await writeFile(join(cwd, '.csops', 'checklist.json'), JSON.stringify(saved));
    const { stdout, code } = await runCli(['checklist', '--team', '40', '--format', 'json'], { cwd });
    expect(code).toBe(0);
    const result = parse(stdout);
    expect(result.stage.id).toBe('scale');
    const span = result.items.find((item) => item.id === 'span-of-control')!;
    expect(span.ticked).toBe(true);
    expect(span.evidence).toBe('40 agents: 5 leads at 8:1 (specialised), 2–3 at 15–20:1 (general)');
  });
});

describe('csops checklist: off a TTY', () => {
  it('prints the static table when stdin and stdout are pipes, without hanging or escape codes', async () => {
    const cwd = tempDir();
    const { stdout, stderr, code } = await runCli(['checklist', '--headcount', '8', '--team', '3'], { cwd });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\u001B\[/);
    expect(stdout).toMatchSnapshot();
    // Printing the static view saves nothing.
    expect(await readdir(cwd)).toEqual([]);
  });

  it('prints markdown for docs', async () => {
    const cwd = tempDir();
    const { stdout, code } = await runCli(['checklist', '--stage', 'founding', '--format', 'markdown'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });
});

describe('csops checklist: help', () => {
  it('lists its flags', async () => {
    const { stdout, code } = await runCli(['checklist', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });
});

describe('csops checklist: bad input', () => {
  it.each([
    [['--headcount', 'abc'], 'csops: --headcount: "abc" must be a whole number from 1 to 10000000\n'],
    [['--headcount', '0'], 'csops: --headcount: "0" must be a whole number from 1 to 10000000\n'],
    [['--team', '2.5', '--headcount', '9'], 'csops: --team: "2.5" must be a whole number from 1 to 10000000\n'],
    [['--stage', 'huge'], 'csops: --stage: must be one of founding, early, middle, growth, scale\n'],
    [['--stage', 'early', '--next'], 'csops: --next: give either --stage or --next, not both\n'],
    [[], 'csops: --headcount: give the company size (e.g. --headcount 30) or pick a list with --stage\n'],
  ])('%j exits 2 with one line', async (args, message) => {
    const cwd = tempDir();
    const { stdout, stderr, code } = await runCli(['checklist', ...args], { cwd });
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('names a broken state file', async () => {
    const cwd = tempDir();
    await mkdir(join(cwd, '.csops'));
    await writeFile(join(cwd, '.csops', 'checklist.json'), '{"schemaVersion": 7}');
    const { stderr, code } = await runCli(['checklist', '--headcount', '10'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^csops: \.csops\/checklist\.json: field "schemaVersion": .*\(fix or delete it to start over\)\n$/);
  });
});
