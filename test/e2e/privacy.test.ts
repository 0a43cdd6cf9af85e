import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { fixture, runCli } from './helpers.js';

/**
 * Requester emails and names never leave csops unless `csops report --show-requesters` asks.
 * Every command runs once per output format on all three sample exports together (CSV with
 * requester name and email columns, an API page with side-loaded users, the NDJSON export with
 * embedded requesters), and every byte it writes — stdout, stderr, files — is searched.
 */
const SAMPLES = ['sample/zendesk-export.csv', 'sample/zendesk-export.json', 'sample/zendesk-export.ndjson'].map(fixture);
const EMAIL = /[\w.+-]+@example\.com/;
const NAME = /Customer \d+/;

const RUNS: { command: string; formats: readonly string[]; extra?: readonly string[] }[] = [
  { command: 'metrics', formats: ['table', 'json', 'csv', 'tsv', 'markdown'], extra: ['--by', 'agent'] },
  { command: 'report', formats: ['table', 'markdown', 'json'] },
  { command: 'check', formats: ['table', 'json', 'junit', 'github'], extra: ['--rule', 'firstReply.p90 <= 4h', '--by', 'agent'] },
  { command: 'inspect', formats: ['table', 'json', 'markdown'] },
  { command: 'simulate', formats: ['table', 'json', 'csv', 'markdown'] },
  { command: 'forecast', formats: ['table', 'json', 'csv', 'markdown'] },
  { command: 'checklist', formats: ['table', 'markdown', 'json'], extra: ['--headcount', '12'] },
];
const CASES = RUNS.flatMap(({ command, formats, extra = [] }) => formats.map((format) => ({ command, format, extra })));

/** Every file under `dir` (the run's working directory: reports, saved state). */
async function writtenFiles(dir: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
}

const cwd = tempDirs('privacy')();

describe('requester privacy', () => {
  it('the sample exports do carry requester emails and names (else the checks below prove nothing)', async () => {
    for (const path of SAMPLES) {
      const text = await readFile(path, 'utf8');
      expect(text, path).toMatch(EMAIL);
      expect(text, path).toMatch(NAME);
    }
  });

  it.each(CASES)('$command --format $format shows no requester', async ({ command, format, extra }) => {
    const html = `${command}-${format}.html`;
    const args = [command, ...SAMPLES, '--format', format, ...extra, ...(command === 'report' ? ['--html', html] : [])];
    const { stdout, stderr, code } = await runCli(args, { cwd });
    // `check` exits 1 when a target is missed; anything else is a failed run, not a private one.
    expect(code === 0 || (command === 'check' && code === 1), stderr).toBe(true);
    expect(stdout.length).toBeGreaterThan(0);
    const outputs = [{ path: 'stdout', text: stdout }, { path: 'stderr', text: stderr }, ...(await writtenFiles(cwd))];
    if (command === 'report') expect(outputs.map((o) => o.path)).toContain(join(cwd, html));
    for (const { path, text } of outputs) {
      expect(text, path).not.toMatch(EMAIL);
      expect(text, path).not.toMatch(NAME);
    }
  });

  it.each(['table', 'markdown', 'json'])('report --show-requesters --format %s lists the requesters of the oldest open tickets', async (format) => {
    const html = `show-${format}.html`;
    const { stdout, stderr, code } = await runCli(['report', ...SAMPLES, '--show-requesters', '--format', format, '--html', html], { cwd });
    expect(code, stderr).toBe(0);
    // Ticket 10009 is the oldest open ticket of the sample; customer51 asked it.
    expect(stdout).toContain('customer51@example.com');
    expect((await readFile(join(cwd, html), 'utf8'))).toContain('customer51@example.com');
    if (format === 'json') {
      const oldest = JSON.parse(stdout).backlog.oldestOpen;
      expect(oldest[0]).toMatchObject({ id: '10009', requester: 'customer51@example.com' });
      expect(oldest.every((o: { requester: unknown }) => typeof o.requester === 'string' && EMAIL.test(o.requester))).toBe(true);
    }
  });

  it('report --help says requesters are hidden by default', async () => {
    const { stdout } = await runCli(['report', '--help']);
    expect(stdout).toMatch(/--show-requesters[\s\S]*hidden by default/);
  });
});
