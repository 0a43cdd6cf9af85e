import { resolve } from 'node:path';
import { resolveCsatSatisfiedFrom } from '../config/defaults.js';
import type { Config } from '../config/schema.js';
import { accountMetrics, customerStanding, revenueGrid, type AccountMetrics } from '../metrics/customer/accounts.js';
import { supportByStanding, type SupportByStanding } from '../metrics/customer/support-join.js';
import { surveyMetrics, type SurveyMetrics } from '../metrics/customer/surveys.js';
import { SatisfactionKind, type TicketTable } from '../model/table.js';
import { readAccounts } from './accounts.js';
import { readSurveys } from './surveys.js';

/** What --surveys and --accounts add to a report or a check. */
export interface CustomerFigures {
  surveys: SurveyMetrics | null;
  accounts: AccountMetrics | null;
  /** Support load and CSAT of churned vs retained customers; null without accounts or a match. */
  support: SupportByStanding | null;
  notes: string[];
}

export interface CustomerFlags {
  surveys?: string;
  accounts?: string;
}

export interface CustomerContext {
  /** Folder the file names are relative to. */
  cwd: string;
  config: Config;
  tz: string;
  table: TicketTable;
  concentrationThreshold: number;
}

/** Whether the export marks who was offered a survey, so a CSAT response rate exists. */
const recordsOffers = (table: TicketTable): boolean =>
  table.satisfactionKind.some((k) => k === SatisfactionKind.Offered || k === SatisfactionKind.Unoffered);

export async function loadCustomerFigures(flags: CustomerFlags, context: CustomerContext): Promise<CustomerFigures> {
  const { config } = context;
  const csatSatisfiedFrom = resolveCsatSatisfiedFrom(config);
  const notes: string[] = [];
  let surveys: SurveyMetrics | null = null;
  if (flags.surveys !== undefined) {
    const file = await readSurveys(
      flags.surveys,
      { tz: context.tz, cesScale: config.surveys?.cesScale ?? '1-7', csatScale: config.surveys?.csatScale ?? '1-5' },
      resolve(context.cwd, flags.surveys),
    );
    surveys = surveyMetrics(file.responses, { ...file, csatSatisfiedFrom: csatSatisfiedFrom[file.csatScale] });
  }
  let accounts: AccountMetrics | null = null;
  let support: SupportByStanding | null = null;
  if (flags.accounts !== undefined) {
    const rows = await readAccounts(flags.accounts, resolve(context.cwd, flags.accounts));
    const grid = revenueGrid(rows);
    accounts = accountMetrics(rows, { concentrationThreshold: context.concentrationThreshold }, grid);
    notes.push(...accounts.notes);
    support = supportByStanding(context.table, customerStanding(grid), {
      recordsOffers: recordsOffers(context.table),
      csatSatisfiedFrom,
    });
    if (support === null) notes.push('accounts: no ticket organization or requester matches a customer id, so churned and retained support load is not shown');
  }
  return { surveys, accounts, support, notes };
}
