import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldCoverage } from '../../src/ingest/coverage.js';
import { InputError } from '../../src/errors.js';
import { SHARED_DATA } from '../e2e/helpers.js';
import { load } from './helpers.js';

// Real exports no one on this project wrote live in ../shared/data; they are never copied here.
const PLUM = `${SHARED_DATA}zendesk-real/plum-zendesk-export.csv`;
const API = `${SHARED_DATA}zendesk-api/`;
const present = existsSync(PLUM);
if (!present) console.warn(`SKIPPED: real-export tests need ${SHARED_DATA} (the shared folder beside the repo)`);

const count = <T>(items: T[], key: (item: T) => string | undefined): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? '(none)';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
};

// Expected figures were counted from the file with Python's csv module, not with csops.
describe.skipIf(!present)('the real 16,476-ticket Zendesk CSV export', () => {
  it('reads every row, with statuses, priorities and groups as the file has them', async () => {
    const { tickets, skipped, duplicates } = await load([PLUM]);
    expect(tickets).toHaveLength(16_476);
    expect(skipped).toBe(0);
    expect(duplicates).toBe(0);
    expect(count(tickets, (t) => t.status)).toEqual({ closed: 12_270, solved: 2139, hold: 790, pending: 681, open: 470, new: 126 });
    expect(count(tickets, (t) => t.priority)).toEqual({ low: 16_282, urgent: 182, normal: 12 });
    expect(count(tickets, (t) => t.group)).toEqual({ Endorsements: 6449, Support: 5670, 'Reimbursement Claims': 3827, Onboardings: 530 });
    expect(tickets.reduce((s, t) => s + (t.replies ?? 0), 0)).toBe(35_465);
    expect(tickets.reduce((s, t) => s + (t.reopens ?? 0), 0)).toBe(4002);
  });

  it('has only the business-hours first reply: the calendar one stays empty, never substituted', async () => {
    const { table, tickets } = await load([PLUM]);
    const coverage = fieldCoverage(table);
    expect(coverage.firstReplyMinutes).toBe(0);
    expect(tickets.filter((t) => t.firstReplyMinutesBusiness !== undefined)).toHaveLength(12_760);
  });

  it('reads 1900-01-01 "Solved at" as no date, and satisfaction as offered or 1–5', async () => {
    const { tickets } = await load([PLUM]);
    expect(tickets.filter((t) => t.solvedAt === undefined)).toHaveLength(2067);
    const ratings = count(tickets, (t) => (typeof t.satisfaction === 'object' ? String(t.satisfaction.score) : t.satisfaction));
    expect(ratings).toEqual({ '(none)': 11_023, offered: 4640, '5': 409, '4': 311, '3': 64, '1': 15, '2': 14 });
    expect(Math.min(...tickets.map((t) => t.createdAt))).toBe(Date.parse('2023-04-01T00:31:00Z'));
  });
});

describe.skipIf(!present)('captured Zendesk API responses', () => {
  it('reads an incremental export page and de-duplicates its repeated ticket', async () => {
    const { tickets, duplicates } = await load([`${API}tickets.json`]);
    expect(tickets.map((t) => t.id)).toEqual(['2', '3', '4', '1002']);
    expect(duplicates).toBe(1);
    expect(tickets[0]).toMatchObject({ status: 'open', channel: 'web', assignee: '374673563333' });
  });

  it('reads a cursor-based page with a satisfaction state', async () => {
    const { tickets } = await load([`${API}cursor_based_tickets.json`]);
    expect(tickets).toMatchObject([{ id: '10046', status: 'closed', channel: 'api', satisfaction: 'unoffered' }]);
  });

  it('joins side-loaded metric sets; unmeasured minutes stay empty', async () => {
    const { tickets } = await load([`${API}ticket_metrics.json`]);
    expect(tickets).toHaveLength(3);
    expect(tickets[0]).toMatchObject({ replies: 0, reopens: 0 });
    expect(tickets[0]!.firstReplyMinutes).toBeUndefined();
  });

  it('says a survey file is not tickets', async () => {
    const error = await load([`${API}scores.json`]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('holds survey responses, not tickets; give it to csops report with --surveys');
  });
});
