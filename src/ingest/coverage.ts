import { isSolvedStatus, STATUSES } from '../model/ticket.js';
import type { DictionaryColumn, TicketTable } from '../model/table.js';
import { SatisfactionKind } from '../model/table.js';

/** Share of tickets (0–1) that carry each canonical field. */
export type FieldCoverage = Record<string, number>;

const shareOf = (n: number, total: number): number => (total === 0 ? 0 : n / total);
const countNumbers = (column: Float64Array): number => column.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);
const countCodes = (codes: ArrayLike<number>): number => {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) n++;
  return n;
};
const countDictionary = (column: DictionaryColumn): number => countCodes(column.codes);

export function fieldCoverage(table: TicketTable): FieldCoverage {
  const n = table.length;
  const numbers = [
    'createdAt',
    'firstReplyAt',
    'solvedAt',
    'updatedAt',
    'firstReplyMinutes',
    'firstResolutionMinutes',
    'fullResolutionMinutes',
    'firstReplyMinutesBusiness',
    'fullResolutionMinutesBusiness',
    'handleMinutes',
    'replies',
    'reopens',
  ] as const;
  const coverage: FieldCoverage = { id: n === 0 ? 0 : 1 };
  for (const field of numbers) coverage[field] = shareOf(countNumbers(table[field]), n);
  coverage.status = shareOf(countCodes(table.status), n);
  coverage.priority = shareOf(countCodes(table.priority), n);
  coverage.channel = shareOf(countCodes(table.channel), n);
  for (const field of ['assignee', 'group', 'requester', 'requesterContact', 'organization'] as const) {
    coverage[field] = shareOf(countDictionary(table[field]), n);
  }
  coverage.tags = shareOf(table.tags.reduce((k, t) => (t ? k + 1 : k), 0), n);
  coverage.satisfaction = shareOf(table.satisfactionKind.reduce((k, s) => (s === SatisfactionKind.None ? k : k + 1), 0), n);
  return coverage;
}

export interface MetricSupport {
  metric: string;
  supported: boolean;
  /** What it rests on, or why it cannot be computed. */
  reason: string;
}

/** Which metrics an input can support, judged from the fields its tickets actually carry. */
export function metricSupport(table: TicketTable): MetricSupport[] {
  const c = fieldCoverage(table);
  const has = (field: string): boolean => (c[field] ?? 0) > 0;
  const solvedCount = table.status.reduce((k, s) => (s >= 0 && isSolvedStatus(STATUSES[s]) ? k + 1 : k), 0);
  const rows: MetricSupport[] = [];
  const add = (metric: string, supported: boolean, yes: string, no: string): void => {
    rows.push({ metric, supported, reason: supported ? yes : no });
  };
  add('volume and peak hours', table.length > 0, 'created-at timestamps', 'no tickets');
  add('solved, backlog', has('status') || has('solvedAt'), 'status / solved-at', 'no status or solved-at column');
  add(
    'first reply (calendar)',
    has('firstReplyMinutes'),
    'first reply minutes',
    has('firstReplyMinutesBusiness')
      ? 'the export has only the business-hours first reply; csops does not substitute it'
      : 'no first reply column or timestamp',
  );
  add('first reply (business hours)', has('firstReplyMinutesBusiness'), 'business-hours first reply minutes', 'no business-hours first reply column');
  add('service level', has('firstReplyMinutes') || has('firstReplyMinutesBusiness'), 'first reply minutes', 'no first reply data');
  add('first resolution', has('firstResolutionMinutes'), 'first resolution minutes', 'no first resolution column');
  add('full resolution (calendar)', has('fullResolutionMinutes'), 'full resolution minutes or solved-at', 'no full resolution column or solved-at');
  add('full resolution (business hours)', has('fullResolutionMinutesBusiness'), 'business-hours full resolution minutes', 'no business-hours resolution column');
  add('FCR and one-touch', has('replies') && solvedCount > 0, 'agent replies on solved tickets', 'needs agent reply counts and solved tickets');
  add('reopen rate', has('reopens') && solvedCount > 0, 'reopen counts', 'no reopens column');
  add('CSAT', has('satisfaction'), 'satisfaction ratings', 'no satisfaction column');
  add('per agent', has('assignee'), 'assignee', 'no assignee column');
  add('per group', has('group'), 'group', 'no group column');
  add('per channel', has('channel'), 'channel', 'no channel column');
  add('per priority', has('priority'), 'priority', 'no priority column');
  // Intercom's "Handling time" or Zendesk's time tracking; without it simulate and forecast assume one.
  add('handling time', has('handleMinutes'), 'recorded agent time per ticket', 'no handling-time column: --handle-time is assumed');
  return rows;
}
