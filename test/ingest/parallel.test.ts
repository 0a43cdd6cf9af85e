import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Load from '../../src/ingest/load.js';
import type * as Split from '../../src/ingest/split.js';
import { ticketAt } from '../../src/model/table.js';
import { fixture, SAMPLE } from '../e2e/helpers.js';
import { scratch } from '../temp-dirs.js';

// The second thread runs the built worker (dist/ingest/part-worker.js), so these tests load the
// built loader; `npm test` builds before it runs vitest.
const built = <T>(path: string): Promise<T> => import(/* @vite-ignore */ new URL(`../../dist/${path}`, import.meta.url).href) as Promise<T>;
let loadExports: typeof Load.loadExports;
let findSplit: typeof Split.findSplit;
beforeAll(async () => {
  ({ loadExports } = await built<typeof Load>('ingest/load.js'));
  ({ findSplit } = await built<typeof Split>('ingest/split.js'));
});

const write = scratch('parallel');

/** Everything a load gives, in plain values, read with `threads` threads on files of any size. */
async function loadWith(threads: number, path: string, options: Partial<Load.LoadOptions> = {}) {
  const problems: Load.RowProblem[] = [];
  const result = await loadExports([{ name: path }], { tz: 'UTC', threads, parallelFrom: 0, splitBeforeReading: true, onProblem: (p) => problems.push(p), ...options });
  return {
    threads: result.files.map((f) => f.threads),
    tickets: Array.from({ length: result.table.length }, (_, row) => ticketAt(result.table, row)),
    problems,
    rows: result.rows,
    skipped: result.skipped,
    duplicates: result.duplicates,
    outsidePeriod: result.outsidePeriod,
    stats: result.stats,
  };
}

/** `threadsUsed`: 1 when the second thread's part is expected to be given up. */
async function expectSameBothWays(path: string, options: Partial<Load.LoadOptions> = {}, threadsUsed = 2) {
  const one = await loadWith(1, path, options);
  const two = await loadWith(2, path, options);
  expect(one.threads).toEqual([1]);
  expect(two.threads).toEqual([threadsUsed]);
  expect({ ...two, threads: [] }).toEqual({ ...one, threads: [] });
  return one;
}

const HEADER = 'Id,Created at,Updated at,Status,Subject,First reply time in minutes';
const row = (id: number, subject: string, minutes: string | number = id % 90) =>
  `${id},2024-03-${String(1 + (id % 28)).padStart(2, '0')} 10:00:00,2024-03-29 10:00:00,Solved,${subject},${minutes}`;
const MAP = { map: { id: 'Id', createdAt: 'Created at', updatedAt: 'Updated at', status: 'Status', firstReplyMinutes: 'First reply time in minutes' } };

describe('reading one file in two threads gives what one thread gives', () => {
  it('the sample Zendesk CSV', async () => {
    const loaded = await expectSameBothWays(SAMPLE);
    expect(loaded.tickets.length).toBe(426);
  });

  it('the sample NDJSON export', async () => {
    const loaded = await expectSameBothWays(fixture('sample/zendesk-export.ndjson'));
    expect(loaded.tickets.length).toBe(426);
  });

  it('malformed rows in both halves keep their lines in the whole file; duplicates across halves merge; --from/--to apply', async () => {
    const lines = [HEADER];
    for (let id = 1; id <= 4000; id++) {
      if (id % 997 === 0) lines.push(`${id},not a date,,Solved,x,1`);
      else if (id % 1499 === 0) lines.push(`${id},2024-03-02 10:00:00`);
      else lines.push(row(id % 3000 === 0 ? 5 : id, id % 7 === 0 ? `"two\nlines, quoted"` : 'plain'));
    }
    const path = write('mixed.csv', `${lines.join('\r\n')}\r\n`);
    const loaded = await expectSameBothWays(path, { ...MAP, from: Date.UTC(2024, 2, 3), to: Date.UTC(2024, 2, 27) });
    expect(loaded.skipped).toBe(6);
    expect(loaded.duplicates).toBeGreaterThan(0);
    expect(loaded.outsidePeriod).toBeGreaterThan(0);
    // The last malformed row, in the second half: its line counts the quoted line breaks before it.
    const last = loaded.problems.at(-1)!;
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf('\r\n3988,not a date') + 2;
    expect(last.line).toBe(text.slice(0, start).split('\n').length);
    expect(last.line).toBeGreaterThan(3988 + 500);
  });

  it('reading on while the second thread starts: split in the middle of what is left, or not at all, the same table', async () => {
    const lines = [HEADER];
    for (let id = 1; id <= 60_000; id++) lines.push(row(id, id % 5 === 0 ? `"a subject, with\nlines"` : 'plain', id % 4 === 0 ? '' : id % 90));
    const path = write('large.csv', `${lines.join('\n')}\n`);
    const one = await loadWith(1, path, MAP);
    const two = await loadWith(2, path, { ...MAP, splitBeforeReading: false });
    expect({ ...two, threads: [] }).toEqual({ ...one, threads: [] });
    expect(one.tickets.length).toBe(60_000);
  });

  // The table builder once read a cell never written as 0 where a column's array grew (rows 1,024,
  // 2,048 and 4,096 of a thread's part) or switched to Float64: empty, wide and large cells are
  // spread over files of sizes that put those rows in either part.
  it('any file with empty, fractional and large cells anywhere reads the same in two threads (property)', async () => {
    const spec = fc.record({
      rows: fc.integer({ min: 1500, max: 9000 }),
      emptyEvery: fc.integer({ min: 2, max: 64 }),
      emptyFrom: fc.integer({ min: 0, max: 63 }),
      fractionAt: fc.integer({ min: 1, max: 9000 }),
      largeIdAt: fc.integer({ min: 1, max: 9000 }),
      ndjson: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(spec, async ({ rows, emptyEvery, emptyFrom, fractionAt, largeIdAt, ndjson }) => {
        const minutes = (id: number): number | null => ((id + emptyFrom) % emptyEvery === 0 ? null : id === fractionAt ? 12.5 : id % 90);
        // Ids past 2^24 no longer fit the narrow column.
        const idOf = (id: number): number => (id === largeIdAt ? 2 ** 24 + id : id);
        const lines: string[] = ndjson ? [] : [HEADER];
        for (let id = 1; id <= rows; id++) {
          const day = `2024-03-${String(1 + (id % 28)).padStart(2, '0')}`;
          lines.push(
            ndjson
              ? JSON.stringify({ id: idOf(id), created_at: `${day}T10:00:00Z`, status: 'solved', metric_set: { reply_time_in_minutes: { calendar: minutes(id) } } })
              : row(idOf(id), 'plain', minutes(id) ?? ''),
          );
        }
        const path = write(`cells.${ndjson ? 'ndjson' : 'csv'}`, `${lines.join('\n')}\n`);
        const loaded = await expectSameBothWays(path, ndjson ? {} : MAP);
        expect(loaded.tickets.filter((t) => t.firstReplyMinutes === undefined)).toHaveLength(Math.floor((rows + emptyFrom) / emptyEvery) - Math.floor(emptyFrom / emptyEvery));
      }),
      { numRuns: 12 },
    );
  });

  it('a guessed split inside a quoted field is found out, and the first thread reads on', async () => {
    // A quoted subject in the middle of the file holds lines that read like records.
    const inner = Array.from({ length: 20000 }, (_, i) => row(90000 + i, 'inner')).join('\n');
    const lines = [HEADER];
    for (let id = 1; id <= 500; id++) lines.push(row(id, 'before'));
    lines.push(row(501, `"${inner}"`));
    for (let id = 502; id <= 1000; id++) lines.push(row(id, 'after'));
    const text = `${lines.join('\n')}\n`;
    const path = write('tricky.csv', text);
    const guess = await findSplit(path, HEADER.length + 1, text.length, { kind: 'csv', layout: { header: HEADER.split(','), delimiter: ',', lineEnding: 'lf' } });
    const quoted = text.indexOf('"');
    expect(guess).toBeGreaterThan(quoted);
    expect(guess).toBeLessThan(text.indexOf('"', quoted + 1));
    const loaded = await expectSameBothWays(path, MAP, 1);
    expect(loaded.tickets.length).toBe(1000);
    expect(loaded.tickets[500]!.id).toBe('501');
  });
});
