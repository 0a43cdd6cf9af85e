import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../temp-dirs.js';
import { BUNDLED_SAMPLE_NOTICE, fixture, runCli, SAMPLE } from './helpers.js';

const tempDir = tempDirs('inspect');

describe('csops inspect', () => {
  it('describes the bundled sample when no file is given', async () => {
    const { stdout, stderr, code } = await runCli(['inspect']);
    expect(code).toBe(0);
    expect(stderr).toBe(BUNDLED_SAMPLE_NOTICE);
    expect(stdout).toMatchSnapshot();
  });

  it('prints the mapping and support as JSON', async () => {
    const { stdout, code } = await runCli(['inspect', fixture('intercom/conversations.csv'), '--format', 'json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ schemaVersion: 1, input: { format: 'intercom-csv', rows: 20, tickets: 20, skipped: 0 } });
    expect(result.files[0].columns).toContainEqual({ field: 'createdAt', column: 'Conversation started at (Europe/Berlin)', zone: 'Europe/Berlin' });
    expect(result.supports).toContainEqual({ metric: 'FCR and one-touch', supported: false, reason: 'needs agent reply counts and solved tickets' });
  });

  it('applies the config column map, and --map beats it for the same field', async () => {
    const cwd = tempDir();
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ columns: { id: 'Ticket', createdAt: 'Opened', firstReplyAt: 'Closed' } }));
    const file = fixture('generic/opened.csv');
    const fromConfig = await runCli(['inspect', file, '--format', 'json'], { cwd });
    expect(fromConfig.code).toBe(0);
    const columns = JSON.parse(fromConfig.stdout).files[0].columns;
    expect(columns).toContainEqual(expect.objectContaining({ field: 'firstReplyAt', column: 'Closed' }));
    const overridden = await runCli(['inspect', file, '--format', 'json', '--map', 'firstReplyAt=First response'], { cwd });
    expect(JSON.parse(overridden.stdout).files[0].columns).toContainEqual(expect.objectContaining({ field: 'firstReplyAt', column: 'First response' }));
  });

  it("leaves a recognised export alone when it lacks the config map's columns", async () => {
    const cwd = tempDir();
    await writeFile(join(cwd, 'csops.config.json'), JSON.stringify({ columns: { id: 'Ticket', createdAt: 'Opened' } }));
    const { stdout, code } = await runCli(['inspect', SAMPLE, '--format', 'json'], { cwd });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).input).toMatchObject({ format: 'zendesk-csv', tickets: 426 });
    const mapped = await runCli(['inspect', SAMPLE, '--format', 'json', '--map', 'createdAt=Opened']);
    expect(mapped.code).toBe(2);
  });

  it('reads standard input for "-"', async () => {
    const input = 'Id,Created at,Status\n1,2024-03-01 10:00:00,Open\n';
    const { stdout, code } = await runCli(['inspect', '-', '--format', 'json'], { input });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).input).toEqual({ files: ['-'], format: 'zendesk-csv', rows: 1, tickets: 1, skipped: 0, duplicates: 0 });
  });

  it.each([
    ['bad/not-an-export.csv', 'not a recognised export (missing a created-at column); use --input-format or --map'],
    ['bad/empty.csv', 'is empty'],
    ['bad/binary.csv', 'is binary data, not a CSV or JSON export'],
  ])('refuses %s with one line and exit 2', async (path, message) => {
    const { stdout, stderr, code } = await runCli(['inspect', fixture(path)]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`csops: ${fixture(path)}: ${message}\n`);
  });

  it('reports the first five malformed rows, then a count; --strict makes the first one fatal', async () => {
    const path = fixture('bad/malformed-rows.csv');
    const lenient = await runCli(['inspect', path, '--format', 'json']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr.trim().split('\n')).toHaveLength(5);
    expect(lenient.stderr).toContain(`csops: ${path}:4: field "Replies": not a whole number ≥ 0: "many" (row skipped)`);
    expect(JSON.parse(lenient.stdout).input.skipped).toBe(5);
    const strict = await runCli(['inspect', path, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toBe(`csops: ${path}:3: field "Created at": not a date and time: "yesterday" (--strict stops at the first malformed row)\n`);
  });

  it.each([
    [['inspect', '--tz', 'Mars/Olympus'], 'csops: --tz: "Mars/Olympus" is not an IANA time zone (e.g. UTC, Europe/Berlin)\n'],
    [['inspect', '--from', '03/01/2024'], 'csops: --from: "03/01/2024" is not a day as YYYY-MM-DD\n'],
    [['inspect', '--map', 'opened=Opened'], 'csops: --map: unknown field "opened"; fields are '],
    [['inspect', '--input-format', 'excel'], "csops: option '--input-format <format>' argument 'excel' is invalid. Allowed choices are "],
    [['inspect', '--bogus'], "csops: unknown option '--bogus' (see csops --help)\n"],
  ])('usage error %j exits 2 with one line', async (args, message) => {
    const { stderr, code } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr.startsWith(message)).toBe(true);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
