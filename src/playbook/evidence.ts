import type { Concentration } from '../metrics/customer/accounts.js';
import { createdShares } from '../metrics/created-shares.js';
import type { GroupRow, MetricsResult } from '../metrics/types.js';
import { percentile } from '../metrics/percentile.js';
import { formatMinutes } from '../model/duration.js';
import { oneDecimal, plural, wholePercent } from '../model/format.js';
import { weekHourLabel } from '../model/time.js';
import type { ExportFacts } from './export-facts.js';
import type { EvidenceRuleId } from './schema.js';

/**
 * Evidence rules: pure functions from an export's metrics (plus optional forecast and account
 * facts) to a verdict on one checklist item and the number behind it. They read the metrics
 * result; they never recompute a metric.
 *
 * met      the data shows the practice in place (or the warning sign absent)
 * not-met  the data shows a gap or a warning sign
 * unknown  the data needed is missing; the evidence says what is missing
 * manual   the data informs but cannot judge; the user decides (and ticks)
 */
export type EvidenceStatus = 'met' | 'not-met' | 'unknown' | 'manual';

export interface EvidenceResult {
  status: EvidenceStatus;
  evidence: string;
}

/** From a staffing forecast: agents needed by the end of the hiring lead time vs agents today. */
export interface ForecastFacts {
  currentAgents: number;
  neededAgents: number;
  /** The day (YYYY-MM-DD) the needed figure is for. */
  horizon: string;
}


export interface EvidenceTargets {
  /** First-reply target in minutes (the service-level threshold). */
  firstReplyMinutes: number;
  /** Share of first replies that should be within the target. */
  serviceLevel: number;
}

export interface EvidenceFacts {
  /** Metrics of the export; groups 'channel', 'week' and 'group' are read when present. */
  metrics: MetricsResult;
  exportFacts?: ExportFacts;
  targets: EvidenceTargets;
  forecast?: ForecastFacts;
  /** Revenue concentration of the latest month of an accounts file (--accounts); null when it has too few months. */
  accounts?: Concentration | null;
}

/**
 * Thresholds that are csops's own reading of the sources (which give none), named so the
 * README and tests can point at them.
 */
export const EVIDENCE_THRESHOLDS = {
  /** A channel counts as active when it brings at least this share of requests. */
  activeChannelShare: 0.05,
  /** Surveys "after each conversation": most solved tickets should get one. */
  surveyCoverage: 0.5,
  /** Categorised when this share of tickets carries a tag. */
  taggedShare: 0.8,
  /** Weeks of data before a first-reply trend is read. */
  trendWeeks: 4,
  /** First-reply median may grow this much (relative) between the halves of the period… */
  trendTolerance: 0.2,
  /** …and at least this many minutes, so tiny medians do not flap. */
  trendMinMinutes: 5,
  /** A ticket waiting on the team longer than this is forgotten (§5: an answer days late is worth little). */
  waitingLimitMinutes: 3 * 24 * 60,
  /** Agents needed before anomalies mean anything. */
  anomalyMinAgents: 3,
} as const;

const count = (n: number): string => n.toLocaleString('en-US');
const counted = (n: number, noun: string): string => plural(n, noun, count(n));
const perDay = (n: number): string => String(oneDecimal(n));

/** Zendesk's email, web form and API requests all land in one shared inbox. */
const INBOX_CHANNELS = new Set(['email', 'web', 'api']);
const channelFamily = (channel: string): string => (INBOX_CHANNELS.has(channel) ? 'inbox' : channel);

function channelShares(facts: EvidenceFacts): { key: string; share: number }[] | null {
  const shares = createdShares(facts.metrics.groups.channel ?? []);
  return shares.length === 0 ? null : shares.map(({ row, share }) => ({ key: row.keys.channel ?? row.key, share }));
}

const describeShares = (shares: { key: string; share: number }[]): string =>
  shares.map((s) => `${s.key} ${wholePercent(s.share)}`).join(', ');

const NO_CHANNELS = 'the export records no channel';

function activeChannels(facts: EvidenceFacts): EvidenceResult {
  const shares = channelShares(facts);
  if (!shares) return { status: 'unknown', evidence: NO_CHANNELS };
  const active = shares.filter((s) => s.share >= EVIDENCE_THRESHOLDS.activeChannelShare);
  const families = new Set(active.map((s) => channelFamily(s.key)));
  const mix = describeShares(shares);
  return families.size <= 1
    ? { status: 'met', evidence: `one channel family carries the requests: ${mix}` }
    : { status: 'not-met', evidence: `${families.size} channel families in use: ${mix}` };
}

function channelMix(facts: EvidenceFacts): EvidenceResult {
  const shares = channelShares(facts);
  if (!shares) return { status: 'unknown', evidence: NO_CHANNELS };
  return { status: 'manual', evidence: `${shares.length} channels: ${describeShares(shares)}` };
}

function surveyCoverage(facts: EvidenceFacts): EvidenceResult {
  const { csat, solved } = facts.metrics.summary;
  if (!csat) return { status: 'unknown', evidence: 'the export has no satisfaction data' };
  const coverage = solved === 0 ? 0 : Math.min(1, csat.offered / solved);
  const score = csat.score === null ? 'no answers yet' : `${count(csat.responses)} answers, ${wholePercent(csat.score)} satisfied`;
  const evidence = `surveys went to ${count(csat.offered)} of ${count(solved)} solved tickets (${wholePercent(coverage)}); ${score}`;
  return { status: coverage >= EVIDENCE_THRESHOLDS.surveyCoverage ? 'met' : 'not-met', evidence };
}

function volumeTracked(facts: EvidenceFacts): EvidenceResult {
  const { summary, period } = facts.metrics;
  if (summary.created === 0) return { status: 'not-met', evidence: 'no requests in the period' };
  const rate = summary.createdPerDay === null ? '' : ` (${perDay(summary.createdPerDay)} a day)`;
  return { status: 'met', evidence: `${count(summary.created)} requests over ${period.days} days${rate}` };
}

function categorised(facts: EvidenceFacts): EvidenceResult {
  const tags = facts.exportFacts;
  if (!tags || tags.tickets === 0) return { status: 'unknown', evidence: 'no tickets to look at' };
  // No tag anywhere usually means the export left the column out (categories may sit in a custom field).
  if (tags.tagged === 0) return { status: 'unknown', evidence: 'the export carries no tags' };
  const share = tags.tagged / tags.tickets;
  const evidence = `${count(tags.tagged)} of ${count(tags.tickets)} tickets carry a tag (${wholePercent(share)})`;
  return { status: share >= EVIDENCE_THRESHOLDS.taggedShare ? 'met' : 'not-met', evidence };
}

function timesMeasured(facts: EvidenceFacts): EvidenceResult {
  const s = facts.metrics.summary;
  const reply = s.firstReplyMinutes ?? s.firstReplyMinutesBusiness;
  const resolution = s.fullResolutionMinutes ?? s.fullResolutionMinutesBusiness;
  const parts = [
    reply && reply.count > 0 ? `first reply median ${formatMinutes(reply.median)} (${count(reply.count)})` : 'no first-reply times',
    resolution && resolution.count > 0
      ? `resolution median ${formatMinutes(resolution.median)} (${count(resolution.count)})`
      : 'no resolution times',
  ];
  const both = (reply?.count ?? 0) > 0 && (resolution?.count ?? 0) > 0;
  return { status: both ? 'met' : 'not-met', evidence: parts.join('; ') };
}

function firstReplyTarget(facts: EvidenceFacts): EvidenceResult {
  const level = facts.metrics.summary.serviceLevel;
  if (!level || level.rate === null) return { status: 'unknown', evidence: 'the export has no first-reply times' };
  const target = facts.targets.serviceLevel;
  const basis = level.basis === 'business' ? ' business' : '';
  const evidence =
    `${wholePercent(level.rate)} of ${count(level.replies)} first replies within ${formatMinutes(level.targetMinutes)}${basis}` +
    ` (target ${wholePercent(target)})`;
  return { status: level.rate >= target ? 'met' : 'not-met', evidence };
}

/** Weekly rows in time order that have both a volume and a first-reply median. */
function weeklyReplyRows(facts: EvidenceFacts): { perDay: number; median: number }[] {
  return (facts.metrics.groups.week ?? [])
    .map((row: GroupRow) => ({
      week: row.keys.week ?? row.key,
      perDay: row.createdPerDay,
      median: (row.firstReplyMinutes ?? row.firstReplyMinutesBusiness)?.median ?? null,
    }))
    .filter((w): w is { week: string; perDay: number; median: number } => w.perDay !== null && w.median !== null)
    .sort((a, b) => (a.week < b.week ? -1 : 1));
}

const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
/** Median of non-empty inputs, with the project's one percentile definition. */
const median = (values: number[]): number => percentile(values, 50)!;

/**
 * Does first-reply time hold as volume grows? Compares the earlier and later half of the
 * weeks: mean requests a day, and the median of the weekly first-reply medians.
 */
function replyTimeTrend(facts: EvidenceFacts): EvidenceResult {
  const weeks = weeklyReplyRows(facts);
  const needed = EVIDENCE_THRESHOLDS.trendWeeks;
  if (weeks.length < needed) {
    return { status: 'unknown', evidence: `${weeks.length} weeks with first replies; the trend needs ${needed}` };
  }
  const half = Math.floor(weeks.length / 2);
  const earlier = weeks.slice(0, half);
  const later = weeks.slice(weeks.length - half);
  const volume = [mean(earlier.map((w) => w.perDay)), mean(later.map((w) => w.perDay))] as const;
  const reply = [median(earlier.map((w) => w.median)), median(later.map((w) => w.median))] as const;
  const change = volume[0] === 0 ? 0 : volume[1] / volume[0] - 1;
  const growth = reply[1] - reply[0];
  const slipped =
    growth > EVIDENCE_THRESHOLDS.trendMinMinutes && growth > reply[0] * EVIDENCE_THRESHOLDS.trendTolerance;
  const sign = change >= 0 ? '+' : '−';
  const evidence =
    `over ${weeks.length} weeks: volume ${sign}${wholePercent(Math.abs(change))} (${perDay(volume[0])} → ${perDay(volume[1])} a day), ` +
    `first-reply median ${formatMinutes(reply[0])} → ${formatMinutes(reply[1])}`;
  return { status: slipped ? 'not-met' : 'met', evidence };
}

const NO_AGENTS = 'the export names no agent on solved tickets';

function agentMetrics(facts: EvidenceFacts): EvidenceResult {
  const agents = facts.metrics.agents.productivity;
  if (agents.length === 0) return { status: 'unknown', evidence: NO_AGENTS };
  const rates = agents.map((a) => a.solvedPerActiveDay).filter((r): r is number => r !== null);
  const typical = rates.length > 0 ? `; median ${perDay(median(rates))} solved per active day` : '';
  return { status: 'met', evidence: `per-agent figures for ${agents.length} agents${typical}` };
}

function metricsLevels(facts: EvidenceFacts): EvidenceResult {
  const teams = (facts.metrics.groups.group ?? []).filter((row) => row.keys.group != null).length;
  const agents = facts.metrics.agents.productivity.length;
  if (teams === 0 || agents === 0) {
    return { status: 'unknown', evidence: teams === 0 ? 'the export names no group (team)' : NO_AGENTS };
  }
  return { status: 'met', evidence: `company, ${counted(teams, 'team')} and ${counted(agents, 'agent')} in the data` };
}

const METRIC_WORDS = {
  firstReplyMedian: 'first-reply median',
  fullResolutionMedian: 'resolution median',
  solvedPerActiveDay: 'solved per active day',
} as const;

function agentAnomalies(facts: EvidenceFacts): EvidenceResult {
  const { productivity, anomalies } = facts.metrics.agents;
  if (productivity.length < EVIDENCE_THRESHOLDS.anomalyMinAgents) {
    return { status: 'unknown', evidence: `${productivity.length} agents; outliers need ${EVIDENCE_THRESHOLDS.anomalyMinAgents} or more` };
  }
  const show = (a: (typeof anomalies)[number]): string => {
    const value = a.metric === 'solvedPerActiveDay' ? perDay(a.value) : formatMinutes(a.value);
    const typical = a.metric === 'solvedPerActiveDay' ? perDay(a.referenceMedian) : formatMinutes(a.referenceMedian);
    return `${a.agent} ${METRIC_WORDS[a.metric]} ${value} vs ${a.reference} ${typical}`;
  };
  const worse = anomalies.filter((a) => a.direction === 'worse');
  const better = anomalies.filter((a) => a.direction === 'better');
  if (worse.length > 0) {
    return { status: 'not-met', evidence: `${worse.length} far behind the team: ${worse.slice(0, 3).map(show).join('; ')}` };
  }
  const good = better.length > 0 ? `; ahead, worth learning from: ${better.slice(0, 3).map(show).join('; ')}` : '';
  return { status: 'met', evidence: `no agent far behind among ${productivity.length}${good}` };
}

function oldestWaiting(facts: EvidenceFacts): EvidenceResult {
  const waiting = facts.exportFacts;
  if (!waiting || waiting.asOf === null) return { status: 'unknown', evidence: 'no tickets to look at' };
  if (waiting.waiting === 0) return { status: 'met', evidence: 'no ticket is waiting on the team' };
  const oldest = waiting.oldestWaiting[0]!;
  const list = waiting.oldestWaiting.map((t) => `#${t.id} ${formatMinutes(t.waitingMinutes)}`).join(', ');
  const evidence = `${count(waiting.waiting)} waiting on the team; oldest ${list}`;
  return { status: oldest.waitingMinutes > EVIDENCE_THRESHOLDS.waitingLimitMinutes ? 'not-met' : 'met', evidence };
}

function peakHours(facts: EvidenceFacts): EvidenceResult {
  const { busiest, tz } = facts.metrics.peakHours;
  if (busiest.length === 0) return { status: 'unknown', evidence: 'no requests in the period' };
  const cells = busiest.slice(0, 3).map((c) => `${weekHourLabel(c.weekday, c.hour)} (${count(c.count)})`);
  return { status: 'manual', evidence: `busiest hours (${tz}): ${cells.join(', ')}` };
}

function forecastGap(facts: EvidenceFacts): EvidenceResult {
  const forecast = facts.forecast;
  if (!forecast) return { status: 'unknown', evidence: 'no staffing forecast here; `csops forecast` gives the hiring plan' };
  const gap = forecast.neededAgents - forecast.currentAgents;
  const figures = `${forecast.neededAgents} agents needed by ${forecast.horizon}, ${forecast.currentAgents} today`;
  return gap > 0
    ? { status: 'not-met', evidence: `${figures}: start hiring ${gap} now` }
    : { status: 'met', evidence: `${figures}: the team covers the forecast` };
}

function revenueConcentration(facts: EvidenceFacts): EvidenceResult {
  const { accounts } = facts;
  if (accounts === undefined) return { status: 'unknown', evidence: 'needs account revenue (--accounts FILE)' };
  if (accounts === null || accounts.topShare === null) {
    return { status: 'unknown', evidence: 'the accounts file has no month with revenue to compare' };
  }
  const evidence =
    `${accounts.month}: top ${accounts.topCustomers} of ${count(accounts.customers)} customers bring ` +
    `${wholePercent(accounts.topShare)} of revenue (signal at ${wholePercent(accounts.threshold)})`;
  // Concentration is a reason to act, not proof the team exists: below the signal the user decides.
  return accounts.concentrated ? { status: 'not-met', evidence } : { status: 'manual', evidence };
}

export const EVIDENCE_RULES: Record<EvidenceRuleId, (facts: EvidenceFacts) => EvidenceResult> = {
  'active-channels': activeChannels,
  'channel-mix': channelMix,
  'survey-coverage': surveyCoverage,
  'volume-tracked': volumeTracked,
  categorised,
  'times-measured': timesMeasured,
  'first-reply-target': firstReplyTarget,
  'frt-trend': replyTimeTrend,
  'agent-metrics': agentMetrics,
  'metrics-levels': metricsLevels,
  'agent-anomalies': agentAnomalies,
  'oldest-waiting': oldestWaiting,
  'peak-hours': peakHours,
  'forecast-gap': forecastGap,
  'revenue-concentration': revenueConcentration,
};
