import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';

export interface TableOptions {
  head: string[];
  rows: (string | number)[][];
  chalk: ChalkInstance;
  /** Column indexes to right-align (numbers). Defaults to every column but the first. */
  alignRight?: number[];
}

/** A boxed terminal table; plain characters only when colour is off, so snapshots are stable. */
export function renderTable({ head, rows, chalk, alignRight }: TableOptions): string {
  const right = new Set(alignRight ?? head.map((_, i) => i).filter((i) => i > 0));
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
    // No rule between body rows: denser, and closer to what spreadsheets users expect.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: head.map((_, i) => (right.has(i) ? 'right' : 'left')),
  });
  for (const row of rows) table.push(row.map((cell) => String(cell)));
  return table.toString() + '\n';
}
