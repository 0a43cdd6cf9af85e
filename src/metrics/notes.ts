import { formatMinutes } from '../model/duration.js';
import { plural } from '../model/format.js';
import { MIN_PEERS, MIN_TICKETS } from './anomalies.js';
import type { Derived, DurationSources } from './derive.js';
import type { Correlation, MetricSet } from './types.js';

/** Where the durations came from, and which metrics the export cannot give. */
export function availabilityNotes(derived: Derived): string[] {
  const { has, sources } = derived;
  const notes: string[] = [];
  if (!has.firstReply && has.firstReplyBusiness) {
    notes.push('firstReplyMinutes is null: the export has only business-hours first reply times (firstReplyMinutesBusiness); business-hours times never stand in for calendar ones');
  } else if (!has.firstReply) {
    notes.push('first reply metrics and unanswered are null: the export has no first reply times');
  }
  if (!has.fullResolution && has.fullResolutionBusiness) {
    notes.push('fullResolutionMinutes is null: the export has only business-hours resolution times (fullResolutionMinutesBusiness)');
  } else if (!has.fullResolution) {
    notes.push('resolution metrics are null: no solved ticket has a resolution time or solve time');
  }
  if (has.fullResolution && !has.firstResolution) {
    notes.push('firstResolutionMinutes is null: the export has no first resolution times, and without reopen counts the first solve cannot be told from the last');
  }
  sourceNote('firstReplyMinutes', sources.firstReply, notes);
  sourceNote('fullResolutionMinutes', sources.fullResolution, notes);
  sourceNote('firstResolutionMinutes', sources.firstResolution, notes, ' (from the solve time of tickets never reopened)');
  if (!has.replies) notes.push('fcr and oneTouch are null: the export has no agent reply counts');
  if (!has.reopens) notes.push(`reopenRate${has.replies ? ' and fcr are' : ' is'} null: the export has no reopen counts`);
  if (!has.satisfaction) notes.push('csat is null: the export has no satisfaction ratings');
  else if (!has.surveyOffers) {
    notes.push('csat.responseRate is null: the export does not mark tickets surveyed without an answer, so rated ÷ offered is unknown');
  }
  return notes;
}

function sourceNote(name: string, s: DurationSources, notes: string[], how = ''): void {
  if (s.fromTimestamps > 0) {
    notes.push(`${name}: computed from timestamps${how} for ${plural(s.fromTimestamps, 'ticket')} without the export's own duration`);
  }
  if (s.differing > 0) {
    notes.push(`${name}: the export's own duration used for ${plural(s.differing, 'ticket')} whose timestamps give a different one`);
  }
}

/** Why a summary figure is null although the export has the data, and which choices were made. */
export function summaryNotes(summary: MetricSet, has: Derived['has'], csatSatisfiedMin010: number): string[] {
  const notes: string[] = [];
  if (summary.created === 0) notes.push('no tickets in the period: counts are 0; shares and durations are null');
  const sl = summary.serviceLevel;
  if (sl) {
    const basis = sl.basis === 'calendar' ? 'calendar first reply time' : 'business-hours first reply time (the export has no calendar one)';
    notes.push(`serviceLevel: share of first replies within ${formatMinutes(sl.targetMinutes)}, on ${basis}; unanswered tickets are not in it`);
  }
  if (summary.created > 0) {
    if (summary.fcr && summary.fcr.rate === null) notes.push('fcr.rate is null: no solved ticket with an agent reply in the period');
    if (summary.oneTouch && summary.oneTouch.rate === null) notes.push('oneTouch.rate is null: no solved ticket with a reply count in the period');
    if (summary.reopenRate === null && has.reopens) notes.push('reopenRate is null: no solved ticket with a reopen count in the period');
    if (summary.csat && summary.csat.score === null) notes.push('csat.score is null: no rated ticket in the period');
  }
  const scale = summary.csat?.scale;
  if (scale === '0-10' || scale === 'mixed') notes.push(`csat: on the 0–10 scale, ${csatSatisfiedMin010} or more counts as satisfied`);
  if (scale === 'mixed') notes.push('csat mixes rating scales (good/bad, 1–5, 0–10); each answer counts as satisfied on its own scale');
  return notes;
}

/** Agents and the daily series fall back to business hours per duration; say where they did. */
export function businessFallbackNote(has: Derived['has']): string[] {
  const fallbacks = [
    !has.firstReply && has.firstReplyBusiness ? 'first reply' : null,
    !has.fullResolution && has.fullResolutionBusiness ? 'resolution' : null,
  ].filter((name) => name !== null);
  if (fallbacks.length === 0) return [];
  return [`agents and correlations: ${fallbacks.join(' and ')} medians are in business-hours minutes (the export has no calendar ones)`];
}

export const GROUP_NOTE = 'in groups, a rate is null where the group has no ticket it applies to';

export function agentNotes(namesAssignees: boolean, threshold: number): string[] {
  if (!namesAssignees) return ['agents: the export names no assignees'];
  return [
    'agents: tickets count toward their assignee, who may not have sent the first reply; a day worked is a day with a solve (exports record no shifts)',
    `anomalies: |modified z| > ${threshold} against the team (0.6745·(x − median)/MAD; when MAD is 0, (x − median)/(1.253314·mean absolute deviation)); figures on fewer than ${MIN_TICKETS} tickets are left out; teams with fewer than ${MIN_PEERS} such agents are compared with the company`,
  ];
}

export function correlationNote(correlations: readonly Correlation[]): string[] {
  return correlations
    .filter((c) => c.pearson === null)
    .map((c) => `correlation of ${c.x} and ${c.y} is null: needs at least 3 days with values that vary (${c.n} days)`);
}
