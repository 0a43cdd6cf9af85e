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

export const groupedColumns = (columns: Columns, grouping: Grouping): Columns => ({
  length: grouping.rows.length,
  solved: scatter(columns.solved, grouping),
  firstReply: scatter(columns.firstReply, grouping),
  firstReplyBusiness: scatter(columns.firstReplyBusiness, grouping),
  firstResolution: scatter(columns.firstResolution, grouping),
  fullResolution: scatter(columns.fullResolution, grouping),
  fullResolutionBusiness: scatter(columns.fullResolutionBusiness, grouping),
  replies: scatter(columns.replies, grouping),
  reopens: scatter(columns.reopens, grouping),
  satisfactionKind: scatter(columns.satisfactionKind, grouping),
  satisfactionScore: scatter(columns.satisfactionScore, grouping),
});
