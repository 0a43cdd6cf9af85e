import type { TicketTable } from '../model/table.js';
import { anyFinite, derive } from './derive.js';

export interface MetricSupport {
  metric: string;
  supported: boolean;
  /** What it rests on, or why it cannot be computed. */
  reason: string;
}

const anyCode = (codes: ArrayLike<number>): boolean => {
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) return true;
  return false;
};

/**
 * Which metrics `csops metrics` gives for a table. Judged on what derive() makes of it, not on
 * the raw columns, so a duration computed from timestamps counts here as it does in the figures.
 */
export function metricSupport(table: TicketTable, tz: string): MetricSupport[] {
  const { has, solved, sources } = derive(table, tz);
  const anySolved = solved.includes(1);
  const rows: MetricSupport[] = [];
  const add = (metric: string, supported: boolean, yes: string, no: string): void => {
    rows.push({ metric, supported, reason: supported ? yes : no });
  };
  add('volume and peak hours', table.length > 0, 'created-at timestamps', 'no tickets');
  add('solved, backlog', anyCode(table.status) || anyFinite(table.solvedAt), 'status / solved-at', 'no status or solved-at column');
  // Where no ticket carries the export's own calendar first reply, every one came from timestamps.
  const calendarReply = sources.firstReply.fromExport > 0 ? 'first reply minutes' : 'first reply timestamps';
  add(
    'first reply (calendar)',
    has.firstReply,
    calendarReply,
    has.firstReplyBusiness ? 'the export has only the business-hours first reply; csops does not substitute it' : 'no first reply column or timestamp',
  );
  add('first reply (business hours)', has.firstReplyBusiness, 'business-hours first reply minutes', 'no business-hours first reply column');
  add('service level', has.firstReply || has.firstReplyBusiness, has.firstReply ? calendarReply : 'business-hours first reply minutes', 'no first reply data');
  add('first resolution', has.firstResolution, 'first resolution minutes', 'no first resolution column, and no reopen counts to tell the first solve from the last');
  add('full resolution (calendar)', has.fullResolution, 'full resolution minutes or solved-at', 'no full resolution column or solved-at on a solved ticket');
  add('full resolution (business hours)', has.fullResolutionBusiness, 'business-hours full resolution minutes', 'no business-hours resolution column');
  add('FCR and one-touch', has.replies && anySolved, 'agent replies on solved tickets', 'needs agent reply counts and solved tickets');
  add('reopen rate', has.reopens && anySolved, 'reopen counts', 'no reopens column');
  add('CSAT', has.satisfaction, 'satisfaction ratings', 'no satisfaction column');
  add('per agent', anyCode(table.assignee.codes), 'assignee', 'no assignee column');
  add('per group', anyCode(table.group.codes), 'group', 'no group column');
  add('per channel', anyCode(table.channel), 'channel', 'no channel column');
  add('per priority', anyCode(table.priority), 'priority', 'no priority column');
  // Intercom's "Handling time" or Zendesk's time tracking; without it simulate and forecast assume one.
  add('handling time', anyFinite(table.handleMinutes), 'recorded agent time per ticket', 'no handling-time column: --handle-time is assumed');
  return rows;
}
