import { describe, expect, it } from 'vitest';
import { fixture, runCli } from './helpers.js';

/** Flag checks every command shares (src/cli/flags.ts): one line, exit 2, the same words everywhere. */
describe('shared flag checks', () => {
  it.each([
    [['inspect', '--from', '2024-02-31'], 'csops: --from: "2024-02-31" is not a day as YYYY-MM-DD\n'],
    [['metrics', '--to', '2023-02-29'], 'csops: --to: "2023-02-29" is not a day as YYYY-MM-DD\n'],
    [['report', '--from', '2024-04-31'], 'csops: --from: "2024-04-31" is not a day as YYYY-MM-DD\n'],
    [['forecast', '--event', '2025-02-30:+10%'], 'csops: --event: "2025-02-30:+10%" must look like 2025-03-10:+40%:2w\n'],
    [['inspect', '--from', '2024-03-10', '--to', '2024-03-01'], 'csops: --to: must not be before --from\n'],
    [['report', '--headcount', '1e3'], 'csops: --headcount: "1e3" must be a whole number from 1 to 10000000\n'],
    [['checklist', '--headcount', '1e3'], 'csops: --headcount: "1e3" must be a whole number from 1 to 10000000\n'],
    [['check', '--rule', 'firstReply.p90 <= 4h', '--min-sample', '2.5'], 'csops: --min-sample: "2.5" must be a whole number of at least 1\n'],
    [['simulate', '--hours', 'Mon-Fri 09:00-17:00=0'], 'csops: --hours: "mon-fri 09:00-17:00=0" staffs no one; a shift\'s headcount (=n) must be at least 1\n'],
    [['erlang', '--volume', '100', '--aht', '5m', '--threshold', 'soon', '--agents', '12'], 'csops: --threshold: "soon" is not a duration like 90s, 30m, 4h or 2d\n'],
  ])('%j → one line, exit 2', async (args, message) => {
    const { stdout, stderr, code } = await runCli(args);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('accepts a leap day', async () => {
    const { code } = await runCli(['inspect', '--from', '2024-02-29', '--format', 'json']);
    expect(code).toBe(0);
  });

  // An export whose status the loader does not recognise: every command passes the loader's note on.
  const weirdStatus = { input: 'id,created_at,status\n1,2024-03-01T10:00:00Z,weird\n2,2024-03-01T11:00:00Z,open\n' };
  const weirdStatusMap = ['--map', 'id=id,createdAt=created_at,status=status', '-'];
  const weirdStatusNote = 'csops: note: unrecognised status values left empty: "weird" (1)\n';

  it('check shows what the input loader noticed', async () => {
    const { stderr, code } = await runCli(['check', '--rule', 'firstReply.p90 <= 4h', '--allow-insufficient', ...weirdStatusMap], weirdStatus);
    expect(code).toBe(0);
    expect(stderr).toContain(weirdStatusNote);
  });

  it('simulate marks ingest notes as notes', async () => {
    const { stderr, code } = await runCli(['simulate', '--hours', '24/7', '--format', 'json', ...weirdStatusMap], weirdStatus);
    expect(code).toBe(0);
    expect(stderr).toContain(weirdStatusNote);
  });

  it('reads export paths from the working directory, showing them as typed', async () => {
    const { stdout, code } = await runCli(['inspect', 'sample/zendesk-export.csv', '--format', 'json'], { cwd: fixture('') });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).input.files).toEqual(['sample/zendesk-export.csv']);
  });
});
