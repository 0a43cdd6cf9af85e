import type { TicketTable } from '../model/table.js';
import type { Derived } from './derive.js';
import { scatter, type Grouping } from './grouping.js';

/**
 * The per-ticket values a metric set reads. In table order for the whole table; reordered by
 * `groupedColumns` so that each group's tickets are one contiguous range.
 */
export interface Columns
  extends Pick<Derived, 'solved' | 'firstReply' | 'firstReplyBusiness' | 'firstResolution' | 'fullResolution' | 'fullResolutionBusiness'> {
  length: number;
  replies: Float64Array;
  reopens: Float64Array;
  satisfactionKind: Uint8Array;
  satisfactionScore: Float64Array;
}

export const tableColumns = (table: TicketTable, derived: Derived): Columns => ({
  length: table.length,
  solved: derived.solved,
  firstReply: derived.firstReply,
  firstReplyBusiness: derived.firstReplyBusiness,
  firstResolution: derived.firstResolution,
  fullResolution: derived.fullResolution,
  fullResolutionBusiness: derived.fullResolutionBusiness,
  replies: table.replies,
  reopens: table.reopens,
  satisfactionKind: table.satisfactionKind,
  satisfactionScore: table.satisfactionScore,
});

/**
 * The columns reordered so each group is one range. A column the export lacks (all missing)
 * reads the same in any order, so it is shared instead of copied.
 */
export function groupedColumns(columns: Columns, grouping: Grouping, has: Derived['has']): Columns {
  const reorder = <T extends Float64Array | Uint8Array>(column: T, present: boolean): T => (present ? scatter(column, grouping) : column);
  return {
    length: grouping.rows.length,
    solved: scatter(columns.solved, grouping),
    firstReply: reorder(columns.firstReply, has.firstReply),
    firstReplyBusiness: reorder(columns.firstReplyBusiness, has.firstReplyBusiness),
    firstResolution: reorder(columns.firstResolution, has.firstResolution),
    fullResolution: reorder(columns.fullResolution, has.fullResolution),
    fullResolutionBusiness: reorder(columns.fullResolutionBusiness, has.fullResolutionBusiness),
    replies: reorder(columns.replies, has.replies),
    reopens: reorder(columns.reopens, has.reopens),
    satisfactionKind: reorder(columns.satisfactionKind, has.satisfaction),
    satisfactionScore: reorder(columns.satisfactionScore, has.satisfaction),
  };
}
