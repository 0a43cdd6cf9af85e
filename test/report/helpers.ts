import { resolveBusinessHours, resolveTargets } from '../../src/config/defaults.js';
import { DEFAULT_CSAT_SATISFIED_FROM } from '../../src/metrics/defaults.js';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';
import { buildReport, type ReportData, type ReportOptions } from '../../src/report/report-data.js';

/** The report of hand-built tickets with the default settings and no customer files; `extra` overrides options. */
export const buildTestReport = (tickets: Ticket[], extra: Partial<ReportOptions> = {}): ReportData =>
  buildReport(tableFromTickets(tickets), { surveys: null, accounts: null, support: null, notes: [] }, {
    tz: 'UTC',
    targets: resolveTargets({}),
    businessHours: resolveBusinessHours({}),
    csatSatisfiedFrom: DEFAULT_CSAT_SATISFIED_FROM,
    input: { files: ['t.csv'], format: 'zendesk-csv', rows: tickets.length, tickets: tickets.length, skipped: 0, duplicates: 0 },
    usedSample: false,
    inputNotes: [],
    ...extra,
  });
