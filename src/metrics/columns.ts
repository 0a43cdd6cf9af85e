import type { NumberColumn, TicketTable } from '../model/table.js';
import type { Derived } from './derive.js';
import { scatter, type Grouping } from './grouping.js';

/**
 * The per-ticket values a metric set reads. In table order for the whole table; reordered by
 * `groupedColumns` so that each group's tickets are one contiguous range.
 */
export interface Columns
  extends Pick<Derived, 'solved' | 'firstReply' | 'firstReplyBusiness' | 'firstResolution' | 'fullResolution' | 'fullResolutionBusiness'> {
  length: number;
  replies: NumberColumn;
  reopens: NumberColumn;
  satisfactionKind: Uint8Array;
  satisfactionScore: NumberColumn;
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
 * reads the same in any order, so it is shared instead of copied. With `into`, the reordered
 * values are written into its arrays (at least as long as the grouping's rows) instead of new
 * ones: a report's splits take turns with one set instead of ~80 MB of fresh columns each on a
 * million tickets.
 */
export function groupedColumns(columns: Columns, grouping: Grouping, has: Derived['has'], into?: Columns): Columns {
  const reorder = <T extends NumberColumn | Uint8Array>(column: T, present: boolean, target: T | undefined): T =>
    present ? scatter(column, grouping, target) : column;
  const n = grouping.rows.length;
  const view = <T extends NumberColumn | Uint8Array>(target: T | undefined): T | undefined => target?.subarray(0, n) as T | undefined;
  return {
    length: n,
    solved: scatter(columns.solved, grouping, view(into?.solved)),
    firstReply: reorder(columns.firstReply, has.firstReply, view(into?.firstReply)),
    firstReplyBusiness: reorder(columns.firstReplyBusiness, has.firstReplyBusiness, view(into?.firstReplyBusiness)),
    firstResolution: reorder(columns.firstResolution, has.firstResolution, view(into?.firstResolution)),
    fullResolution: reorder(columns.fullResolution, has.fullResolution, view(into?.fullResolution)),
    fullResolutionBusiness: reorder(columns.fullResolutionBusiness, has.fullResolutionBusiness, view(into?.fullResolutionBusiness)),
    replies: reorder(columns.replies, has.replies, view(into?.replies)),
    reopens: reorder(columns.reopens, has.reopens, view(into?.reopens)),
    satisfactionKind: reorder(columns.satisfactionKind, has.satisfaction, view(into?.satisfactionKind)),
    satisfactionScore: reorder(columns.satisfactionScore, has.satisfaction, view(into?.satisfactionScore)),
  };
}
