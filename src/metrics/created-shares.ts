import type { GroupRow } from './types.js';

export interface CreatedShare {
  row: GroupRow;
  /** The group's created tickets ÷ those of every group of the split. */
  share: number;
}

/** The groups of one split that have tickets, each with its share of them, largest first; [] when none has. */
export function createdShares(rows: readonly GroupRow[]): CreatedShare[] {
  const total = rows.reduce((sum, row) => sum + row.created, 0);
  if (total === 0) return [];
  return rows
    .filter((row) => row.created > 0)
    .map((row) => ({ row, share: row.created / total }))
    .sort((a, b) => b.share - a.share);
}
