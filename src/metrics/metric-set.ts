import type { TicketTable } from '../model/table.js';
import { collectSorted } from './collect.js';
import { csatOf } from './csat.js';
import type { Derived } from './derive.js';
import { summarizeSorted, type DistributionSummary } from './percentile.js';
import type { CsatScale, DurationBasis, Fcr, MetricSet, OneTouch, ServiceLevel } from './types.js';

/** Table-wide facts every metric set of one run shares. */
export interface MetricEnv {
  table: TicketTable;
  derived: Derived;
  slaMinutes: number;
  /** The first reply variant the service level uses; null when the export has neither. */
  serviceBasis: DurationBasis | null;
  csatScale: CsatScale | null;
  csatSatisfiedMin010: number;
  /** Reused buffer for percentiles, at least as long as the table. */
  scratch: Float64Array;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** FCR, one-touch and reopen rate: all three look at solved tickets' reply and reopen counts. */
function solvedTicketShares(env: MetricEnv, rows: Int32Array): { fcr: Fcr | null; oneTouch: OneTouch | null; reopenRate: number | null } {
  const { table, derived } = env;
  let fcrEligible = 0;
  let fcrHits = 0;
  let solvedWithReplies = 0;
  let oneTouch = 0;
  let solvedWithReopens = 0;
  let reopened = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (derived.solved[row] !== 1) continue;
    const replies = table.replies[row]!;
    const reopens = table.reopens[row]!;
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
  const { has } = derived;
  return {
    fcr: has.replies && has.reopens ? { eligible: fcrEligible, resolvedOnFirstContact: fcrHits, rate: ratio(fcrHits, fcrEligible) } : null,
    oneTouch: has.replies ? { solved: solvedWithReplies, oneTouch, rate: ratio(oneTouch, solvedWithReplies) } : null,
    reopenRate: has.reopens ? ratio(reopened, solvedWithReopens) : null,
  };
}

function serviceLevelOf(env: MetricEnv, rows: Int32Array): ServiceLevel | null {
  if (env.serviceBasis === null) return null;
  const values = env.serviceBasis === 'calendar' ? env.derived.firstReply : env.derived.firstReplyBusiness;
  let replies = 0;
  let within = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = values[rows[i]!]!;
    if (Number.isNaN(v)) continue;
    replies++;
    if (v <= env.slaMinutes) within++;
  }
  return { targetMinutes: env.slaMinutes, basis: env.serviceBasis, replies, withinTarget: within, rate: ratio(within, replies) };
}

/** Tickets with neither first reply variant; null when the export has no first reply data. */
function unansweredOf(env: MetricEnv, rows: Int32Array): number | null {
  const { firstReply, firstReplyBusiness, has } = env.derived;
  if (!has.firstReply && !has.firstReplyBusiness) return null;
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (Number.isNaN(firstReply[row]!) && Number.isNaN(firstReplyBusiness[row]!)) count++;
  }
  return count;
}

/**
 * Every summary metric over some tickets (the whole period or one group). `days` is how many
 * days those tickets were created over, for the per-day rates.
 */
export function computeMetricSet(env: MetricEnv, rows: Int32Array, days: number): MetricSet {
  const { derived } = env;
  const { has } = derived;
  let solved = 0;
  for (let i = 0; i < rows.length; i++) solved += derived.solved[rows[i]!]!;
  const created = rows.length;
  const perDay = (count: number): number | null => (days > 0 ? count / days : null);
  const dist = (available: boolean, values: Float64Array, solvedOnly: boolean): DistributionSummary | null =>
    available ? summarizeSorted(collectSorted(values, rows, solvedOnly ? derived.solved : null, env.scratch)) : null;
  return {
    created,
    solved,
    unsolved: created - solved,
    createdPerDay: perDay(created),
    solvedPerDay: perDay(solved),
    unanswered: unansweredOf(env, rows),
    firstReplyMinutes: dist(has.firstReply, derived.firstReply, false),
    firstReplyMinutesBusiness: dist(has.firstReplyBusiness, derived.firstReplyBusiness, false),
    firstResolutionMinutes: dist(has.firstResolution, derived.firstResolution, true),
    fullResolutionMinutes: dist(has.fullResolution, derived.fullResolution, true),
    fullResolutionMinutesBusiness: dist(has.fullResolutionBusiness, derived.fullResolutionBusiness, true),
    ...solvedTicketShares(env, rows),
    csat: has.satisfaction ? csatOf(env.table, rows, env.csatScale, has.surveyOffers, env.csatSatisfiedMin010) : null,
    serviceLevel: serviceLevelOf(env, rows),
  };
}
