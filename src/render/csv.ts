import { stringify } from 'csv-stringify/sync';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
 * Ticket subjects and tags are customer text, so every cell we write is checked.
 */
const FORMULA_LEAD = /^[=+\-@\t\r]/;

/**
 * Prefixes a formula-looking text cell with an apostrophe, which spreadsheets show as text
 * and hide. Numbers are written as numbers: a negative number is data, not a formula.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = typeof value === 'string' ? value : String(value);
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

export type Delimited = 'csv' | 'tsv';

/** Rows (first the header) as CSV or TSV text, every cell neutralised. */
export function toDelimited(rows: readonly (readonly unknown[])[], format: Delimited): string {
  const cells = rows.map((row) => row.map(neutraliseCell));
  if (format === 'tsv') {
    // TSV has no quoting: tabs and newlines inside a cell become spaces.
    return cells.map((row) => row.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
  }
  return stringify(cells, { record_delimiter: '\n' });
}
