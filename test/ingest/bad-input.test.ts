import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { fixture } from '../e2e/helpers.js';
import { load } from './helpers.js';

describe('files that are not exports: one clear error naming the file', () => {
  it.each([
    ['bad/not-an-export.csv', 'not a recognised export (missing a created-at column); use --input-format or --map'],
    ['bad/empty.csv', 'is empty'],
    ['bad/header-only.csv', 'has no tickets, only a header'],
    ['bad/binary.csv', 'is binary data, not a CSV or JSON export'],
    ['bad/utf16be.csv', 'is UTF-16 big-endian; save it as UTF-8 CSV'],
    ['bad/object.json', 'is a JSON object without a "tickets" array'],
    ['bad/not-json.json', ':1: is not valid JSON at column 25: Expected double-quoted property name'],
    ['bad/missing.csv', 'no such file'],
    ['bad', 'is a directory, not an export file'],
  ])('%s', async (path, message) => {
    const error = await load([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toContain(fixture(path));
    expect((error as InputError).message).toContain(message);
  });

});

describe('malformed rows among good ones: skipped, counted, located', () => {
  it('reports each bad row with its line and column', async () => {
    const { tickets, skipped, problems } = await load(['bad/malformed-rows.csv']);
    expect(tickets.map((t) => t.id)).toEqual(['1', '7']);
    expect(skipped).toBe(5);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [3, 'Created at', 'not a date and time: "yesterday"'],
      [4, 'Replies', 'not a whole number ≥ 0: "many"'],
      [5, 'First reply time in minutes', 'negative duration: "-15"'],
      [6, undefined, 'has 4 fields, the header has 5'],
      [7, 'Id', 'empty ticket id'],
    ]);
  });

  it('--strict turns the first bad row into an error', async () => {
    const error = await load(['bad/malformed-rows.csv'], { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      `${fixture('bad/malformed-rows.csv')}:3: field "Created at": not a date and time: "yesterday" (--strict stops at the first malformed row)`,
    );
  });

  it('skips a record whose quote is never closed (a file cut short)', async () => {
    const { tickets, problems } = await load(['bad/cut-mid-quote.csv']);
    expect(tickets).toHaveLength(1);
    expect(problems).toEqual([{ file: fixture('bad/cut-mid-quote.csv'), line: 3, message: 'a quoted field is never closed (the file may be cut short)' }]);
  });

  it('skips a broken NDJSON line and keeps the rest', async () => {
    const { tickets, problems } = await load(['bad/broken.ndjson']);
    expect(tickets).toHaveLength(2);
    expect(problems).toMatchObject([{ line: 2, message: 'not valid JSON (NDJSON wants one ticket object per line)' }]);
  });
});
