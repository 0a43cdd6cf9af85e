import { ratio } from '../model/ratio.js';
import type { NumberColumn } from '../model/table.js';
import { collect } from './collect.js';
import type { Columns } from './columns.js';
import { csatOfRange } from './csat.js';
import type { Derived } from './derive.js';
import { summarizeInPlace, type DistributionSummary } from './percentile.js';
import type { CsatSatisfiedFrom, CsatScale, DurationBasis, Fcr, MetricSet, OneTouch, ServiceLevel } from './types.js';

/** Facts every metric set of one run shares. */
export interface MetricEnv {
  has: Derived['has'];
  slaMinutes: number;
  /** The first reply variant the service level uses; null when the export has neither. */
  serviceBasis: DurationBasis | null;
  csatScale: CsatScale | null;
  csatSatisfiedFrom: CsatSatisfiedFrom;
  /** Reused buffer for percentiles, at least as long as the largest range. */
  scratch: Float64Array;
}

/** Tickets [start, end) of some columns. */
interface Range {
  c: Columns;
  start: number;
  end: number;
}

/** FCR, one-touch and reopen rate: all three look at solved tickets' reply and reopen counts. */
function solvedTicketShares(has: Derived['has'], { c, start, end }: Range): { fcr: Fcr | null; oneTouch: OneTouch | null; reopenRate: number | null } {
  let fcrEligible = 0;
  let fcrHits = 0;
  let solvedWithReplies = 0;
  let oneTouch = 0;
  let solvedWithReopens = 0;
  let reopened = 0;
  for (let i = start; i < end; i++) {
    if (c.solved[i] !== 1) continue;
    const replies = c.replies[i]!;
    const reopens = c.reopens[i]!;
    if (!Number.isNaN(replies)) {
      solvedWithReplies++;
      if (replies < 2) oneTouch++;
      if (replies >= 1 && !Number.isNaN(reopens)) {
        fcrEligible++;
        if (replies === 1 && reopens === 0) fcrHits++;
      }
    }
    if (!Number.isNaN(reopens)) {
      solvedWithReopens++;
      if (reopens >= 1) reopened++;
    }
  }
  return {
    fcr: has.replies && has.reopens ? { eligible: fcrEligible, resolvedOnFirstContact: fcrHits, rate: ratio(fcrHits, fcrEligible) } : null,
    oneTouch: has.replies ? { solved: solvedWithReplies, oneTouch, rate: ratio(oneTouch, solvedWithReplies) } : null,
    reopenRate: has.reopens ? ratio(reopened, solvedWithReopens) : null,
  };
}

function serviceLevelOf(env: MetricEnv, { c, start, end }: Range): ServiceLevel | null {
  if (env.serviceBasis === null) return null;
  const values = env.serviceBasis === 'calendar' ? c.firstReply : c.firstReplyBusiness;
  let replies = 0;
  let within = 0;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    replies++;
    if (v <= env.slaMinutes) within++;
  }
  return { targetMinutes: env.slaMinutes, basis: env.serviceBasis, replies, withinTarget: within, rate: ratio(within, replies) };
}

/** Tickets with neither first reply variant; null when the export has no first reply data. */
function unansweredOf(has: Derived['has'], { c, start, end }: Range): number | null {
  if (!has.firstReply && !has.firstReplyBusiness) return null;
  let count = 0;
  for (let i = start; i < end; i++) {
    if (Number.isNaN(c.firstReply[i]!) && Number.isNaN(c.firstReplyBusiness[i]!)) count++;
  }
  return count;
}

/**
 * Every summary metric over tickets [start, end) of `columns` (the whole period or one group).
 * `days` is how many days those tickets were created over, for the per-day rates.
 */
export function computeMetricSet(env: MetricEnv, columns: Columns, start: number, end: number, days: number): MetricSet {
  const { has } = env;
  const range: Range = { c: columns, start, end };
  let solved = 0;
  for (let i = start; i < end; i++) solved += columns.solved[i]!;
  const created = end - start;
  const perDay = (count: number): number | null => (days > 0 ? count / days : null);
  const dist = (available: boolean, values: NumberColumn, solvedOnly: boolean): DistributionSummary | null =>
    available ? summarizeInPlace(collect(values, start, end, solvedOnly ? columns.solved : null, env.scratch)) : null;
  return {
    created,
    solved,
    unsolved: created - solved,
    createdPerDay: perDay(created),
    solvedPerDay: perDay(solved),
    unanswered: unansweredOf(has, range),
    firstReplyMinutes: dist(has.firstReply, columns.firstReply, false),
    firstReplyMinutesBusiness: dist(has.firstReplyBusiness, columns.firstReplyBusiness, false),
    firstResolutionMinutes: dist(has.firstResolution, columns.firstResolution, true),
    fullResolutionMinutes: dist(has.fullResolution, columns.fullResolution, true),
    fullResolutionMinutesBusiness: dist(has.fullResolutionBusiness, columns.fullResolutionBusiness, true),
    ...solvedTicketShares(has, range),
    csat: has.satisfaction ? csatOfRange(columns, start, end, env.csatScale, has.surveyOffers, env.csatSatisfiedFrom) : null,
    serviceLevel: serviceLevelOf(env, range),
  };
}
