import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadExports } from '../../src/ingest/load.js';
import { ticketAt } from '../../src/model/table.js';
import { derive } from '../../src/metrics/derive.js';
import { byId, derivedMinutes, load } from './helpers.js';

const utc = (iso: string): number => Date.parse(iso);

describe('Zendesk CSV export', () => {
  it('reads every ticket of the sample with its fields', async () => {
    const { tickets, skipped, files } = await load(['sample/zendesk-export.csv']);
    expect(tickets).toHaveLength(426);
    expect(skipped).toBe(0);
    expect(files[0]!.format).toBe('zendesk-csv');
    expect(byId(tickets, '10001')).toEqual({
      id: '10001',
      createdAt: utc('2024-02-05T03:24:06Z'),
      updatedAt: utc('2024-02-06T04:09:06Z'),
      solvedAt: utc('2024-02-06T04:09:06Z'),
      firstReplyMinutes: 258,
      firstReplyMinutesBusiness: 155,
      firstResolutionMinutes: 1485,
      fullResolutionMinutes: 1485,
      fullResolutionMinutesBusiness: 668,
      status: 'closed',
      priority: 'low',
      channel: 'email',
      channelRaw: 'Mail',
      assignee: 'Alice Moreau',
      group: 'Support',
      requester: '5000154',
      requesterContact: 'customer154@example.com',
      organization: 'Globex',
      tags: ['howto'],
      replies: 1,
      reopens: 0,
      satisfaction: 'unoffered',
    });
  });

  it('keeps quoted subjects with commas, doubled quotes and newlines from shifting columns', async () => {
    const { tickets } = await load(['sample/zendesk-export.csv']);
    // Ticket 10003's subject is `Question about the "Team" plan, and seats`.
    expect(byId(tickets, '10003')).toMatchObject({ channel: 'web', priority: 'normal', replies: 4 });
    expect(tickets.every((t) => t.status !== undefined)).toBe(true);
  });

  it('maps the channel labels of the "Via" column', async () => {
    const { tickets } = await load(['sample/zendesk-export.csv']);
    const pairs = new Set(tickets.map((t) => `${t.channelRaw}→${t.channel}`));
    expect([...pairs].sort()).toEqual(['Chat→chat', 'Mail→email', 'Phone Call (Incoming)→phone', 'Web Form→web']);
  });
});

describe('Zendesk JSON', () => {
  it.each(['sample/zendesk-export.json', 'sample/zendesk-export.ndjson'])('%s holds the same tickets as the CSV', async (path) => {
    const csv = await load(['sample/zendesk-export.csv']);
    const json = await load([path]);
    expect(json.files[0]!.format).toBe('zendesk-json');
    expect(json.tickets).toHaveLength(csv.tickets.length);
    // The channel's raw spelling differs by design (API via types vs CSV labels).
    const strip = ({ channelRaw: _raw, ...rest }: { channelRaw?: string }) => rest;
    expect(json.tickets.map(strip)).toEqual(csv.tickets.map(strip));
  });
});

describe('Freshdesk ticket export', () => {
  it('reads statuses, hh:mm:ss business durations and first-response timestamps', async () => {
    const loaded = await load(['freshdesk/tickets.csv']);
    const { tickets, files, table } = loaded;
    expect(files[0]!.format).toBe('freshdesk-csv');
    expect(tickets).toHaveLength(20);
    const first = byId(tickets, '10001');
    expect(first).toMatchObject({ status: 'closed', priority: 'low', channel: 'email', firstReplyMinutesBusiness: 155 });
    // The calendar durations come from the timestamps, in metrics: ingest keeps what the export says.
    expect(first.firstReplyMinutes).toBeUndefined();
    expect(derivedMinutes(loaded, '10001')).toEqual({ firstReply: 258, fullResolution: 1485 });
    // "Waiting on Third Party" is a Freshdesk custom status csops reads as pending.
    expect(tickets.some((t) => t.status === 'pending')).toBe(true);
    expect(derive(table, 'UTC').sources.firstReply.fromTimestamps).toBeGreaterThan(0);
  });
});

describe('Help Scout conversation export', () => {
  it('reads conversations with mailbox as group and ISO times', async () => {
    const loaded = await load(['helpscout/conversations.csv']);
    const { tickets, files } = loaded;
    expect(files[0]!.format).toBe('helpscout-csv');
    expect(byId(tickets, '10001')).toMatchObject({ status: 'closed', group: 'Support', tags: ['howto'] });
    expect(derivedMinutes(loaded, '10001').firstReply).toBe(258);
  });
});

describe('Zendesk time tracking', () => {
  it('reads the Time Tracking app\'s "Total time spent (sec)" custom field as handling time', async () => {
    const text = 'Id,Created at,Status,Total time spent (sec) [int]\n1,2024-03-01 10:00:00,Solved,540\n2,2024-03-01 11:00:00,Open,\n';
    const result = await loadExports([{ name: '-', stdin: Readable.from([Buffer.from(text)]) }], { tz: 'UTC' });
    expect(ticketAt(result.table, 0).handleMinutes).toBe(9);
    expect(ticketAt(result.table, 1).handleMinutes).toBeUndefined();
  });
});

describe('Intercom conversation export', () => {
  it('reads wall-clock times in the zone named in the header and durations in seconds', async () => {
    const { tickets, files } = await load(['intercom/conversations.csv']);
    expect(files[0]!.format).toBe('intercom-csv');
    expect(files[0]!.columns.find((c) => c.field === 'createdAt')).toMatchObject({ zone: 'Europe/Berlin' });
    const first = byId(tickets, '215010001');
    expect(first.createdAt).toBe(utc('2024-02-05T03:24:06Z'));
    expect(first.firstReplyMinutes).toBe(258);
    expect(first.fullResolutionMinutes).toBe(1485);
    // "Handling time (seconds)": 465 s is 7.75 minutes; an open conversation has none.
    expect(first.handleMinutes).toBe(7.75);
    expect(tickets.filter((t) => t.status !== 'solved' && t.status !== 'closed').every((t) => t.handleMinutes === undefined)).toBe(true);
  });
});

describe('generic CSV through a column map', () => {
  it('reads any CSV whose columns are mapped', async () => {
    const loaded = await load(['generic/opened.csv'], {
      map: { id: 'Ticket', createdAt: 'Opened', firstReplyAt: 'First response', solvedAt: 'Closed', assignee: 'Owner', group: 'Queue' },
    });
    const { tickets, files, table } = loaded;
    expect(files[0]!.format).toBe('generic-csv');
    expect(byId(tickets, 'T-10001')).toMatchObject({ assignee: 'Alice Moreau', group: 'Support' });
    expect(derivedMinutes(loaded, 'T-10001').firstReply).toBe(258);
    expect(derive(table, 'UTC').sources.firstReply.fromTimestamps).toBe(tickets.filter((t) => t.firstReplyAt !== undefined).length);
  });

  it('layers a map over a detected format', async () => {
    const { tickets } = await load(['sample/zendesk-export.csv'], { map: { group: 'Organization' } });
    expect(byId(tickets, '10001').group).toBe('Globex');
  });
});

describe('several files', () => {
  it('de-duplicates by id, keeping the most recently updated copy', async () => {
    const { tickets, duplicates } = await load(['quirks/bom.csv', 'sample/zendesk-export.csv']);
    expect(tickets).toHaveLength(426);
    expect(duplicates).toBe(20);
  });
});
