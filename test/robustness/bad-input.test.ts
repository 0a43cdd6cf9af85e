import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { newIngestStats } from '../../src/ingest/derive.js';
import { STATUSES } from '../../src/model/ticket.js';
import { derivedMinutes, jsonTicket, load } from '../ingest/helpers.js';
import { scratch } from '../temp-dirs.js';
import { csv, GOOD_ROW, HEADER } from './files.js';

const write = scratch('robustness');

/** The error a load fails with; the test fails if it does not fail. */
async function loadError(path: string): Promise<InputError> {
  const error = await load([path]).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('inputs that cannot be read: one line naming the file, exit code 2', () => {
  it.each([
    ['an empty file', 'empty.csv', '', 'is empty'],
    ['only blank lines', 'blank.csv', '\r\n\r\n\n', 'is empty'],
    ['a header and nothing else', 'header.csv', csv(HEADER), 'has no tickets, only a header'],
    ['binary garbage with NUL bytes', 'garbage.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), 'is binary data, not a CSV or JSON export'],
    ['a wrong delimiter (colons)', 'colon.csv', 'Id:Created at:Status\n1:2024-03-01 10:00:00:Solved\n', 'only one column: is the delimiter right?'],
    ['a JSON object that is not a ticket list', 'object.json', '{"name": "tickets", "count": 2}', 'is a JSON object without a "tickets" array'],
    ['a JSON document cut short', 'cut.json', '[1, 2, 3', 'is not valid JSON'],
    ['a damaged gzip file', 'damaged.csv.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(40, 0x41)]), 'the gzip'],
    ['a gzip file cut short', 'cut.csv.gz', gzipSync(csv(HEADER, GOOD_ROW)).subarray(0, 20), 'the gzip file is cut short'],
  ])('%s', async (_case, name, content, message) => {
    const path = write(name, content);
    const error = await loadError(path);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain(path);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('\n');
  });

  it('random bytes without NUL are not mistaken for an export', async () => {
    let seed = 7;
    const bytes = Buffer.from(
      Buffer.alloc(64 * 1024).map(() => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return 1 + (seed % 255);
      }),
    );
    const error = await loadError(write('noise.csv', bytes));
    expect(error.message).toMatch(/not a recognised export/);
  });
});

describe('rows that cannot be read: skipped, counted and located, the rest kept', () => {
  it('a file cut mid-row (truncated): the short last row is skipped with its line', async () => {
    const text = csv(HEADER, GOOD_ROW, GOOD_ROW.replace('1,', '2,'), GOOD_ROW.replace('1,', '3,'));
    const { tickets, skipped, problems } = await load([write('truncated.csv', text.slice(0, text.length - 30))]);
    expect(tickets.map((t) => t.id)).toEqual(['1', '2']);
    expect(skipped).toBe(1);
    expect(problems).toMatchObject([{ line: 4, message: 'has 3 fields, the header has 9' }]);
  });

  it('a file cut mid-quote: the open record is skipped, the rows before it kept', async () => {
    const text = csv(HEADER, GOOD_ROW, '2,2024-03-01 11:00:00,Open,High,0,0,,,"Printer says ""PC LOAD');
    const { tickets, problems } = await load([write('mid-quote.csv', text.slice(0, -2))]);
    expect(tickets.map((t) => t.id)).toEqual(['1']);
    expect(problems).toMatchObject([{ line: 3, message: 'a quoted field is never closed (the file may be cut short)' }]);
  });

  it('a stray quote spoils one record only: reading resumes on the next line', async () => {
    const text = csv(HEADER, GOOD_ROW, '2,2024-03-01 11:00:00,Open,High,0,0,,,Say "hi"', '3,2024-03-01 12:00:00,Open,High,0,0,,,"a ""quoted"" word"x', '4,2024-03-01 13:00:00,Open,Low,0,0,,,ok');
    const { tickets, problems } = await load([write('stray.csv', text)]);
    expect(tickets.map((t) => t.id)).toEqual(['1', '4']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [3, 'a quote inside a field that does not start with one'],
      [4, 'a quote inside a quoted field is not doubled'],
    ]);
  });

  it('negative and absurd durations: each row skipped with the field named', async () => {
    const rows = ['-15', 'Infinity', '1e400', 'NaN', 'soon'].map((frt, i) => `${i + 1},2024-03-01 10:00:00,Solved,Normal,1,0,${frt},120,x`);
    const { tickets, problems } = await load([write('durations.csv', csv(HEADER, ...rows, `9,2024-03-01 10:00:00,Solved,Normal,1,0,5,120,x`))]);
    expect(tickets.map((t) => t.id)).toEqual(['9']);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'First reply time in minutes', 'negative duration: "-15"'],
      [3, 'First reply time in minutes', 'not a duration: "Infinity"'],
      [4, 'First reply time in minutes', 'not a duration: "1e400"'],
      [5, 'First reply time in minutes', 'not a duration: "NaN"'],
      [6, 'First reply time in minutes', 'not a duration: "soon"'],
    ]);
  });

  it('a reply or a solve before the ticket was created: skipped as impossible', async () => {
    const path = write(
      'before.csv',
      csv(
        'Id,Created,First reply,Solved,Status',
        '1,2024-03-01 10:00:00,2024-03-01 09:00:00,,Open',
        '2,2024-03-01 10:00:00,2024-03-01 10:05:00,2024-02-01 00:00:00,Solved',
        '3,2024-03-01 10:00:00,2024-03-01 10:05:00,2024-03-02 00:00:00,Solved',
      ),
    );
    const loaded = await load([path], { map: { id: 'Id', createdAt: 'Created', firstReplyAt: 'First reply', solvedAt: 'Solved', status: 'Status' } });
    const { tickets, problems } = loaded;
    expect(tickets.map((t) => [t.id, derivedMinutes(loaded, t.id).firstReply])).toEqual([['3', 5]]);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'first reply is before the ticket was created'],
      [3, 'solved before the ticket was created'],
    ]);
  });

  it('an empty id is blamed on the id column even when a column map binds another field first', async () => {
    const path = write('mapped-empty-id.csv', csv('Id,Opened,Status', ',2024-03-01 10:00:00,Open', '2,2024-03-01 11:00:00,Open'));
    const { tickets, problems } = await load([path], { map: { createdAt: 'Opened', id: 'Id' } });
    expect(tickets.map((t) => t.id)).toEqual(['2']);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([[2, 'Id', 'empty ticket id']]);
  });

  it('a negative JSON duration names the field it is in', async () => {
    const ticket = (id: number, calendar: number): string =>
      JSON.stringify({ id, created_at: '2024-03-01T10:00:00Z', status: 'solved', metric_set: { reply_time_in_minutes: { calendar, business: 5 } } });
    const { tickets, problems } = await load([write('negative.ndjson', [ticket(1, -5), ticket(2, 5)].join('\n'))]);
    expect(tickets.map((t) => t.id)).toEqual(['2']);
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([[1, 'reply_time_in_minutes.calendar', 'negative duration: "-5"']]);
  });

  it('NDJSON with a broken line and a line that is not an object: both skipped, the rest kept', async () => {
    const good = (id: number): string => JSON.stringify({ id, created_at: '2024-03-01T10:00:00Z', status: 'open' });
    const path = write('broken.ndjson', [good(1), '{"id": 2, "created_at": "2024-03-01T1', '[1, 2]', '', good(5)].join('\n'));
    const { tickets, problems } = await load([path]);
    expect(tickets.map((t) => t.id)).toEqual(['1', '5']);
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, 'not valid JSON (NDJSON wants one ticket object per line)'],
      [3, 'not a JSON object'],
    ]);
  });

  it('--strict turns the first such row into an error that names file and line', async () => {
    const path = write('strict.csv', csv(HEADER, GOOD_ROW, '2,2024-03-01 10:00:00,Solved,Normal,1,0,-3,1,x'));
    const error = await load([path], { strict: true }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(`${path}:3: field "First reply time in minutes": negative duration: "-3" (--strict stops at the first malformed row)`);
  });
});

describe('odd but readable values: kept, and counted for a note', () => {
  it('unknown statuses and priorities are left empty and counted by value', async () => {
    const path = write('unknown.csv', csv(HEADER, '1,2024-03-01 10:00:00,Escalated,P0,1,0,5,,x', '2,2024-03-01 10:00:00,Escalated,Normal,1,0,5,,x', GOOD_ROW.replace('1,', '3,')));
    const { tickets, stats } = await load([path]);
    expect(tickets.map((t) => [t.status, t.priority])).toEqual([
      [undefined, undefined],
      [undefined, 'normal'],
      ['solved', 'normal'],
    ]);
    expect([...stats.unrecognisedStatus]).toEqual([['Escalated', 2]]);
    expect([...stats.unrecognisedPriority]).toEqual([['P0', 1]]);
  });

  it('tickets dated in the future are kept and counted', async () => {
    const { tickets, stats } = await load([write('future.csv', csv(HEADER, GOOD_ROW, GOOD_ROW.replace('1,2024', '2,2999')))]);
    expect(tickets).toHaveLength(2);
    expect(stats.createdInFuture).toBe(1);
  });

  it('"the future" is after the moment the reading was given, the same for every ticket', () => {
    const stats = newIngestStats();
    const clock = { tz: 'UTC', now: Date.UTC(2024, 2, 1, 12) };
    jsonTicket({ id: 1, created_at: '2024-03-01T11:59:59Z' }, clock, stats);
    jsonTicket({ id: 2, created_at: '2024-03-01T12:00:01Z' }, clock, stats);
    expect(stats.createdInFuture).toBe(1);
  });

  it('mixed time-zone offsets in one column all land on the same instant', async () => {
    const stamps = ['2024-03-01T10:00:00Z', '2024-03-01T12:00:00+02:00', '2024-03-01 05:00:00 -0500', '2024-03-01 15:30:00+05:30', '2024-03-01 11:00:00'];
    const rows = stamps.map((stamp, i) => `${i + 1},${stamp},Open,Low,0,0,,,x`);
    const { tickets } = await load([write('zones.csv', csv(HEADER, ...rows))], { tz: 'Europe/Berlin' });
    expect(new Set(tickets.map((t) => t.createdAt))).toEqual(new Set([Date.UTC(2024, 2, 1, 10)]));
  });

  it('duplicate header names: the first column of a name is read, the file loads', async () => {
    const path = write('duplicate-headers.csv', csv('Id,Created at,Id,Created at,Status', '1,2024-03-01 10:00:00,9,2025-01-01 00:00:00,Solved'));
    const { tickets, files } = await load([path]);
    expect(tickets.map((t) => [t.id, t.createdAt])).toEqual([['1', Date.UTC(2024, 2, 1, 10)]]);
    expect(files[0]!.columns.filter((c) => c.field === 'id').map((c) => c.index)).toEqual([0]);
  });

  it('a 10 MB field is read whole, without splitting the record', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const path = write('big-field.csv', csv(HEADER, `1,2024-03-01 10:00:00,Solved,Normal,1,0,30,120,"${big}"`, '2,2024-03-01 11:00:00,Open,Low,0,0,,,small'));
    const { tickets, skipped } = await load([path]);
    expect(skipped).toBe(0);
    expect(tickets.map((t) => [t.id, t.status])).toEqual([
      ['1', 'solved'],
      ['2', 'open'],
    ]);
  });

  it('a 10 MB id is not confused with the rest of the file', async () => {
    const big = '7'.repeat(10 * 1024 * 1024);
    const { tickets } = await load([write('big-id.csv', csv(HEADER, `${big},2024-03-01 10:00:00,Solved,Normal,1,0,30,120,x`, GOOD_ROW))]);
    expect(tickets.map((t) => t.id.length)).toEqual([big.length, 1]);
  });

  it('the same ticket twice keeps one copy and counts the duplicate', async () => {
    const { tickets, duplicates } = await load([write('twice.csv', csv(HEADER, GOOD_ROW, GOOD_ROW))]);
    expect(tickets).toHaveLength(1);
    expect(duplicates).toBe(1);
  });

  it('every status the ticket model knows is read back', async () => {
    const rows = STATUSES.map((status, i) => `${i + 1},2024-03-01 10:00:00,${status.toUpperCase()},Low,0,0,,,x`);
    const { tickets } = await load([write('statuses.csv', csv(HEADER, ...rows))]);
    expect(tickets.map((t) => t.status)).toEqual([...STATUSES]);
  });
});
