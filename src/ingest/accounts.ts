import { InputError } from '../errors.js';
import type { AccountMonth } from '../metrics/customer/accounts.js';
import { bindColumns, cellText, readRecordFile, type ColumnSpec } from './customer-records.js';

/** Monthly account revenue file (--accounts): customer id, month, MRR, optional plan. */
const COLUMNS: readonly ColumnSpec[] = [
  { field: 'customer', aliases: ['customer', 'customer id', 'account', 'account id', 'organization', 'organisation', 'company', 'id'], required: true },
  { field: 'month', aliases: ['month', 'period', 'billing month', 'date'], required: true },
  { field: 'mrr', aliases: ['mrr', 'revenue', 'monthly revenue', 'amount'], required: true },
  { field: 'plan', aliases: ['plan', 'tier'], required: false },
];

/** `2024-03`, `2024-03-01` or `2024-03-31T…` → `2024-03`. */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])(?:-\d{2}(?:[T ].*)?)?$/;
/** An amount with an optional currency sign and thousands separators: `$1,200.50`, `1 200`, `€99`. */
const AMOUNT = /^[$€£¥]?\s*(\d{1,3}(?:[ ,]\d{3})+|\d+)(\.\d+)?\s*[$€£¥]?$/;

export function readAmount(text: string): number | undefined {
  const match = AMOUNT.exec(text.replace(/^(USD|EUR|GBP)\s*/i, ''));
  return match ? Number(match[1]!.replace(/[ ,]/g, '') + (match[2] ?? '')) : undefined;
}

export async function readAccounts(name: string, path = name): Promise<AccountMonth[]> {
  const file = await readRecordFile(name, path);
  const col = bindColumns(file, COLUMNS);
  return file.records.map((record) => {
    const fail = (field: string, detail: string): never => {
      throw new InputError(name, detail, record.line, field);
    };
    const customer = cellText(record, col.customer) || fail('customer', 'is empty');
    const monthText = cellText(record, col.month);
    const month = MONTH.exec(monthText) ?? fail('month', `"${monthText}" is not a month (use YYYY-MM)`);
    const mrrText = cellText(record, col.mrr);
    const mrr = readAmount(mrrText) ?? fail('mrr', `"${mrrText}" is not an amount of at least 0`);
    const row: AccountMonth = { customer, month: `${month[1]}-${month[2]}`, mrr };
    const plan = cellText(record, col.plan);
    if (plan !== '') row.plan = plan;
    return row;
  });
}
