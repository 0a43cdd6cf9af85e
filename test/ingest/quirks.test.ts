import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { ticketAt } from '../../src/model/table.js';
import { fixture } from '../e2e/helpers.js';
import { scratch } from '../temp-dirs.js';
import { byId, load } from './helpers.js';

const utc = (iso: string): number => Date.parse(iso);
const temp = scratch('quirks');

describe('quirks of real exports', () => {
  it.each([
    ['UTF-8 BOM', 'quirks/bom.csv'],
    ['LF line ends', 'quirks/lf-only.csv'],
    ['Excel ";" delimiter', 'quirks/semicolon.csv'],
    ['UTF-16 LE with BOM', 'quirks/utf16le.csv'],
  ])('%s: the same 20 tickets as the CRLF original', async (_quirk, path) => {
    const original = await load(['sample/zendesk-export.csv']);
    const quirky = await load([path]);
    expect(quirky.skipped).toBe(0);
    expect(quirky.tickets).toEqual(original.tickets.slice(0, 20));
  });

  it.each([
    ['CSV', 'quirks/zendesk-export.csv.gz', 426],
    ['JSON', 'quirks/zendesk-export.json.gz', 20],
  ])('reads gzip-compressed %s transparently', async (_kind, path, count) => {
    const { tickets, skipped } = await load([path]);
    expect(skipped).toBe(0);
    expect(tickets).toHaveLength(count);
  });

  it('reads timestamps with and without offsets, ISO and day-first', async () => {
    const { tickets } = await load(['quirks/offsets.csv']);
    const created = tickets.map((t) => new Date(t.createdAt).toISOString());
    expect(created).toEqual([
      '2024-03-05T13:03:11.000Z',
      '2024-03-05T13:03:11.000Z',
      '2024-03-05T13:03:11.500Z',
      '2024-03-05T13:03:00.000Z',
      '2024-03-05T13:03:00.000Z',
    ]);
    expect(byId(tickets, '1').solvedAt).toBe(utc('2024-03-05T14:03:11Z'));
  });

  it('reads wall-clock times in --tz', async () => {
    const { tickets } = await load(['quirks/offsets.csv'], { tz: 'Europe/Berlin' });
    // Row 5 has no offset: 13:03 in Berlin is 12:03 UTC; rows with offsets do not move.
    expect(byId(tickets, '5').createdAt).toBe(utc('2024-03-05T12:03:00Z'));
    expect(byId(tickets, '1').createdAt).toBe(utc('2024-03-05T13:03:11Z'));
  });

  it('treats Excel re-save artefacts as empty: 1900-01-01 dates and "-" drop-downs', async () => {
    const { tickets, skipped } = await load(['quirks/excel-resave.csv']);
    expect(skipped).toBe(0);
    expect(byId(tickets, '1').solvedAt).toBeUndefined();
    expect(byId(tickets, '2').satisfaction).toEqual({ score: 4, scale: '1-5' });
  });

  it('reads standard input for "-"', async () => {
    const text = 'Id,Created at,Status\n1,2024-03-01 10:00:00,Open\n2,2024-03-01 11:00:00,Solved\n';
    const result = await loadExports([{ name: '-', stdin: Readable.from([Buffer.from(text)]) }], { tz: 'UTC' });
    expect(result.table.length).toBe(2);
    expect(ticketAt(result.table, 1)).toMatchObject({ id: '2', status: 'solved' });
  });

  it('a row skipped half-way through leaves none of its cells to the next row', async () => {
    // Row 2 fails on its last cell after its status, priority, solve time and replies were read.
    const text = [
      'Id,Created at,Status,Priority,Solved at,Replies,Updated at',
      '1,2024-03-01 10:00:00,Open,High,2024-03-01 12:00:00,2,2024-03-01 12:00:00',
      '2,2024-03-01 11:00:00,Solved,Urgent,2024-03-01 13:00:00,5,not a date',
      '3,2024-03-01 12:00:00,,,,,',
    ].join('\n');
    const result = await loadExports([{ name: '-', stdin: Readable.from([Buffer.from(text)]) }], { tz: 'UTC' });
    expect(result.skipped).toBe(1);
    expect(ticketAt(result.table, 1)).toEqual({ id: '3', createdAt: utc('2024-03-01T12:00:00Z') });
  });

  it('a CSV id with a leading zero stays a different ticket from the integer', async () => {
    const text = 'Id,Created at,Updated at\n42,2024-03-01 10:00:00,2024-03-01 10:00:00\n042,2024-03-01 11:00:00,2024-03-01 11:00:00\n42,2024-03-01 10:00:00,2024-03-02 10:00:00\n';
    const result = await loadExports([{ name: '-', stdin: Readable.from([Buffer.from(text)]) }], { tz: 'UTC' });
    expect([ticketAt(result.table, 0), ticketAt(result.table, 1)].map((t) => [t.id, t.updatedAt])).toEqual([
      ['42', utc('2024-03-02T10:00:00Z')],
      ['042', utc('2024-03-01T11:00:00Z')],
    ]);
  });

  it('keeps the most recently updated copy of a ticket found in several files', async () => {
    const header = 'Id,Created at,Updated at,Status\n';
    const newer = temp('newer.csv', `${header}7,2024-03-01 10:00:00,2024-03-05 10:00:00,Solved\n`);
    const older = temp('older.csv', `${header}7,2024-03-01 10:00:00,2024-03-02 10:00:00,Open\n`);
    for (const order of [[newer, older], [older, newer]]) {
      const { tickets, duplicates } = await load(order);
      expect(duplicates).toBe(1);
      expect(tickets).toHaveLength(1);
      expect(tickets[0]!.status).toBe('solved');
    }
  });

  it('counts unrecognised statuses and priorities instead of guessing', async () => {
    const path = temp('odd.csv', 'Id,Created at,Status,Priority\n1,2024-03-01 10:00:00,Escalated,P0\n2,2024-03-01 10:00:00,Open,High\n');
    const { tickets, stats } = await load([path]);
    expect(byId(tickets, '1').status).toBeUndefined();
    expect(byId(tickets, '1').priority).toBeUndefined();
    expect(stats.unrecognisedStatus.get('Escalated')).toBe(1);
    expect(stats.unrecognisedPriority.get('P0')).toBe(1);
  });


  it.each(['constructor', '__proto__', 'toString'])('reads "%s" as an unknown word, not as a property every object has', async (word) => {
    const csv = temp(`${word}.csv`, `Id,Created at,Status,Priority,Via\n1,2024-03-01 10:00:00,${word},${word},${word}\n`);
    const ndjson = temp(`${word}.ndjson`, `${JSON.stringify({ id: 1, created_at: '2024-03-01T10:00:00Z', status: word, priority: word, via: { channel: word } })}\n`);
    for (const path of [csv, ndjson]) {
      const { tickets, stats } = await load([path]);
      expect([tickets[0]!.status, tickets[0]!.priority, tickets[0]!.channel]).toEqual([undefined, undefined, 'other']);
      expect(stats.unrecognisedStatus.get(word)).toBe(1);
    }
  });
  it('reads the API capture with side-loaded metric sets', async () => {
    const { tickets } = await load([fixture('sample/zendesk-export.json')]);
    expect(byId(tickets, '10001')).toMatchObject({ replies: 1, firstReplyMinutes: 258, satisfaction: 'unoffered' });
  });
});
