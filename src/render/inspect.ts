import type { ChalkInstance } from 'chalk';
import type { CreatedPeriod, FieldCoverage } from '../ingest/coverage.js';
import type { MetricSupport } from '../metrics/support.js';
import type { TicketField } from '../ingest/formats.js';
import type { FileReport } from '../ingest/load.js';
import type { InputSummary } from '../metrics/types.js';
import { wholePercent } from '../model/format.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

/** One input file as inspect reports it: the column binding without the reader's column index. */
export interface InspectedFile extends Omit<FileReport, 'columns' | 'threads'> {
  columns: { field: TicketField; column: string; zone?: string }[];
}

/** What `csops inspect` made of its input: the JSON it prints, and what the text views lay out. */
export interface Inspection {
  schemaVersion: 1;
  input: InputSummary;
  files: InspectedFile[];
  /** First and last creation instant and the calendar days they span, in the run's zone; null without tickets. */
  period: CreatedPeriod | null;
  coverage: FieldCoverage;
  supports: MetricSupport[];
  notes: string[];
}

/** The inspection as a terminal table or as Markdown: each file, the input as a whole, the metrics it supports. */
export function inspectionText(result: Inspection, format: 'table' | 'markdown', chalk: ChalkInstance): string {
  const table = (head: string[], rows: (string | number)[][]): string =>
    format === 'markdown' ? markdownTable(head, rows, []) : renderTable({ head, rows, chalk, alignRight: [] });
  const heading = (text: string): string => (format === 'markdown' ? `## ${text}\n\n` : `${chalk.bold(text)}\n`);
  const out: string[] = [];
  for (const file of result.files) {
    out.push(heading(`${file.file}`));
    out.push(`Format: ${file.format} (${file.label}); ${file.rows} rows, ${file.skipped} skipped\n\n`);
    if (file.columns.length > 0) {
      out.push(table(['field', 'column', 'tickets with a value'], file.columns.map((c) => [c.field, c.column, wholePercent(result.coverage[c.field] ?? 0)])));
    }
    if (file.unmapped.length > 0) out.push(`Not in this file: ${file.unmapped.join(', ')}\n`);
    out.push('\n');
  }
  const { input, period } = result;
  out.push(heading('Input'));
  out.push(`${input.tickets} tickets from ${input.rows} rows; ${input.skipped} skipped, ${input.duplicates} duplicates merged\n`);
  if (period) out.push(`Created ${period.from} → ${period.to} (${period.days} days)\n`);
  out.push('\n');
  out.push(heading('Metrics this input supports'));
  out.push(table(['metric', 'supported', 'because'], result.supports.map((s) => [s.metric, s.supported ? 'yes' : 'no', s.reason])));
  if (result.notes.length > 0) {
    out.push('\n' + heading('Notes'));
    for (const note of result.notes) out.push(`- ${note}\n`);
  }
  return out.join('');
}
