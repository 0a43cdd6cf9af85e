import type { TicketField } from './formats.js';

/** Stores a read cell into its field of a ticket being built (see blankTicket). */
export type FieldSetter = (ticket: Record<string, unknown>, value: unknown) => void;

/**
 * One setter per field, each a function of its own. Reading a row with `ticket[field] = value`,
 * where the field changes from column to column, made that store megamorphic: V8 looked the
 * property up in a global cache for every cell. A named store in a function of its own stays
 * monomorphic. Measured on the 1M-ticket CSV: about 0.5 s less CPU for loading (14.4 → 13.8 s).
 */
export const FIELD_SETTERS: Readonly<Record<TicketField, FieldSetter>> = {
  id: (t, v) => void (t.id = v),
  createdAt: (t, v) => void (t.createdAt = v),
  firstReplyAt: (t, v) => void (t.firstReplyAt = v),
  solvedAt: (t, v) => void (t.solvedAt = v),
  updatedAt: (t, v) => void (t.updatedAt = v),
  firstReplyMinutes: (t, v) => void (t.firstReplyMinutes = v),
  firstResolutionMinutes: (t, v) => void (t.firstResolutionMinutes = v),
  fullResolutionMinutes: (t, v) => void (t.fullResolutionMinutes = v),
  firstReplyMinutesBusiness: (t, v) => void (t.firstReplyMinutesBusiness = v),
  fullResolutionMinutesBusiness: (t, v) => void (t.fullResolutionMinutesBusiness = v),
  handleMinutes: (t, v) => void (t.handleMinutes = v),
  status: (t, v) => void (t.status = v),
  priority: (t, v) => void (t.priority = v),
  channel: (t, v) => void (t.channel = v),
  assignee: (t, v) => void (t.assignee = v),
  group: (t, v) => void (t.group = v),
  requester: (t, v) => void (t.requester = v),
  requesterContact: (t, v) => void (t.requesterContact = v),
  organization: (t, v) => void (t.organization = v),
  tags: (t, v) => void (t.tags = v),
  replies: (t, v) => void (t.replies = v),
  reopens: (t, v) => void (t.reopens = v),
  satisfaction: (t, v) => void (t.satisfaction = v),
};
