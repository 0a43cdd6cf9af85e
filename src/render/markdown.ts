/** Escapes text for a GitHub-flavoured Markdown table cell. */
export const markdownCell = (value: unknown): string =>
  String(value ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A GFM table; columns after the first are right-aligned (they hold numbers). */
export function markdownTable(head: string[], rows: unknown[][], alignRight?: number[]): string {
  const right = new Set(alignRight ?? head.map((_, i) => i).filter((i) => i > 0));
  const lines = [
    `| ${head.map(markdownCell).join(' | ')} |`,
    `| ${head.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`),
  ];
  return lines.join('\n') + '\n';
}
