import type { ChalkInstance } from 'chalk';
import { renderTable } from './table.js';
import type { ReportData } from '../report/report-data.js';
import { reportSections, type Fact } from './report-sections.js';

/** The report for a terminal: bold headings, aligned facts, boxed tables, the heatmap. */
export function reportTerminal(data: ReportData, chalk: ChalkInstance): string {
  const colour = (fact: Fact): string =>
    fact.judgement === 'good' ? chalk.green(fact.value) : fact.judgement === 'bad' ? chalk.red(fact.value) : fact.value;
  // A detail of the fact above it is indented under it.
  const label = (fact: Fact): string => (fact.detail ? `  ${fact.label}` : fact.label);
  const parts: string[] = [chalk.bold('csops report') + '\n'];
  for (const s of reportSections(data)) {
    const lines: string[] = [chalk.bold.underline(s.title)];
    const width = Math.max(0, ...s.facts.map((f) => label(f).length));
    for (const f of s.facts) lines.push(`  ${label(f).padEnd(width)}  ${colour(f)}`);
    if (s.block) lines.push(...s.block.split('\n').map((l) => `  ${l}`));
    for (const b of s.bullets) lines.push(`  ${s.id === 'look-at' ? chalk.yellow('•') : '•'} ${b}`);
    let text = lines.join('\n') + '\n';
    for (const t of s.tables) text += renderTable({ head: t.head, rows: t.rows, chalk, alignRight: t.alignRight });
    parts.push(text);
  }
  return parts.join('\n');
}
