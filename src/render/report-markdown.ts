import { markdownCell, markdownTable } from './markdown.js';
import type { ReportData } from '../report/report-data.js';
import { reportSections } from './report-sections.js';

/** The report as GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY and wikis. */
export function reportMarkdown(data: ReportData): string {
  const parts: string[] = ['# Support report\n'];
  for (const s of reportSections(data)) {
    const lines: string[] = [`## ${s.title}`, ''];
    for (const f of s.facts) {
      // A detail of the fact above it is a nested list item.
      const indent = f.detail ? '  ' : '';
      lines.push(`${indent}- **${markdownCell(f.label)}**: ${markdownCell(f.value)}`);
    }
    for (const b of s.bullets) lines.push(`- ${markdownCell(b)}`);
    if (s.facts.length || s.bullets.length) lines.push('');
    if (s.block) lines.push('```text', s.block, '```', '');
    for (const t of s.tables) lines.push(markdownTable(t.head, t.rows, t.alignRight));
    parts.push(lines.join('\n'));
  }
  return parts.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
