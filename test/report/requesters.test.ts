import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/model/ticket.js';
import { reportMarkdown } from '../../src/render/report-markdown.js';
import { reportSections } from '../../src/render/report-sections.js';
import { buildTestReport } from './helpers.js';

const at = (day: number, hour: number): number => Date.UTC(2024, 2, day, hour);

/** Three open tickets: one with an email, one with only an id, one with neither. */
const TICKETS: Ticket[] = [
  { id: '1', createdAt: at(4, 9), status: 'open', requester: '77', requesterContact: 'ada@example.org' },
  { id: '2', createdAt: at(5, 9), status: 'pending', requester: '78' },
  { id: '3', createdAt: at(6, 9), status: 'new' },
  { id: '4', createdAt: at(6, 10), status: 'solved', solvedAt: at(6, 12), requesterContact: 'grace@example.org' },
];

const build = (showRequesters?: boolean) => buildTestReport(TICKETS, showRequesters === undefined ? {} : { showRequesters });

const backlogTable = (report: ReturnType<typeof build>) => reportSections(report).find((s) => s.title === 'Backlog')!.tables[0]!;

describe('requesters in the report', () => {
  it.each([undefined, false])('are left out of the data and the tables unless asked (showRequesters %s)', (flag) => {
    const report = build(flag);
    expect(report.backlog.oldestOpen.map((o) => o.id)).toEqual(['1', '2', '3']);
    expect(report.backlog.oldestOpen.every((o) => !('requester' in o))).toBe(true);
    expect(backlogTable(report).head).toEqual(['oldest open ticket', 'age', 'status', 'priority', 'group']);
    expect(JSON.stringify(report)).not.toMatch(/example\.org|"77"|"78"/);
    expect(reportMarkdown(report)).not.toContain('@');
  });

  it('list the contact, else the id, of each oldest open ticket when asked', () => {
    const report = build(true);
    expect(report.backlog.oldestOpen.map((o) => o.requester)).toEqual(['ada@example.org', '78', null]);
    const table = backlogTable(report);
    expect(table.head.at(-1)).toBe('requester');
    expect(table.rows.map((row) => row.at(-1))).toEqual(['ada@example.org', '78', '–']);
    // Only open tickets are listed: the solved ticket's requester stays out even so.
    expect(reportMarkdown(report)).not.toContain('grace@example.org');
  });
});
