/**
 * The metrics result (DESIGN.md "JSON contract", schemaVersion 1). `csops metrics --format json`
 * prints exactly this object; report, check and checklist read it. A metric that cannot be
 * computed is null and `notes` says why; it is never 0.
 */
import type { DistributionSummary } from './percentile.js';

export type { DistributionSummary } from './percentile.js';

export type CsatScale = 'good-bad' | '1-5' | '0-10' | 'mixed';

/** Lowest score counted satisfied on each numeric CSAT scale. */
export type CsatSatisfiedFrom = Record<'1-5' | '0-10', number>;

/** Dimensions `--by` splits on. day/week/month are the created time in the chosen zone. */
export const DIMENSIONS = ['agent', 'group', 'channel', 'priority', 'day', 'week', 'month'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The duration summaries of a metric set, in the order they are listed. */
export const DURATION_METRICS = [
  'firstReplyMinutes',
  'firstReplyMinutesBusiness',
  'firstResolutionMinutes',
  'fullResolutionMinutes',
  'fullResolutionMinutesBusiness',
] as const;

/** Which duration a service level was measured on. */
export type DurationBasis = 'calendar' | 'business';

export interface InputSummary {
  files: string[];
  format: string;
  rows: number;
  tickets: number;
  skipped: number;
  duplicates: number;
}

export interface Period {
  /** Start of the period (ISO 8601 in the chosen zone); null when there are no tickets. */
  from: string | null;
  /** End of the period, exclusive (ISO 8601 in the chosen zone); null when there are no tickets. */
  to: string | null;
  /** Calendar days the period covers in the chosen zone; per-day rates divide by this. */
  days: number;
  tz: string;
}

/** FCR: among solved tickets with at least one agent reply, the share with exactly one and no reopen. */
export interface Fcr {
  eligible: number;
  resolvedOnFirstContact: number;
  rate: number | null;
}

/** Zendesk Explore's one-touch: solved tickets with fewer than 2 agent replies ÷ solved tickets. */
export interface OneTouch {
  solved: number;
  oneTouch: number;
  rate: number | null;
}

export interface Csat {
  /** Tickets a survey went to: offered without answer + answered (Zendesk's "surveyed"). */
  offered: number;
  responses: number;
  satisfied: number;
  /** satisfied ÷ responses. */
  score: number | null;
  /** responses ÷ offered; null when the export does not record unanswered offers. */
  responseRate: number | null;
  scale: CsatScale | null;
}

export interface ServiceLevel {
  targetMinutes: number;
  basis: DurationBasis;
  /** First replies measured (unanswered tickets are not in it). */
  replies: number;
  withinTarget: number;
  rate: number | null;
}

/** The same fields for the whole period (`summary`) and for every group row. */
export interface MetricSet {
  created: number;
  solved: number;
  unsolved: number;
  createdPerDay: number | null;
  solvedPerDay: number | null;
  /** Tickets with no first reply; null when the export has no first reply data at all. */
  unanswered: number | null;
  firstReplyMinutes: DistributionSummary | null;
  firstReplyMinutesBusiness: DistributionSummary | null;
  firstResolutionMinutes: DistributionSummary | null;
  fullResolutionMinutes: DistributionSummary | null;
  fullResolutionMinutesBusiness: DistributionSummary | null;
  fcr: Fcr | null;
  oneTouch: OneTouch | null;
  reopenRate: number | null;
  csat: Csat | null;
  serviceLevel: ServiceLevel | null;
}

export interface GroupRow extends MetricSet {
  /** Display key: the dimension values joined with " / ", e.g. "Support / email". */
  key: string;
  /** The value of each dimension; null where the ticket had none (shown as "(none)"). */
  keys: Partial<Record<Dimension, string | null>>;
}

export interface PeakHours {
  tz: string;
  /** counts[weekday][hour] of created tickets; weekday 0 = Monday … 6 = Sunday. */
  counts: number[][];
  /** The busiest weekday-hour cells, most tickets first (at most 5). */
  busiest: { weekday: number; hour: number; count: number }[];
}

export interface BacklogDay {
  date: string;
  created: number;
  solved: number;
  /** Tickets open at the end of this day. */
  open: number;
}

/**
 * Backlog over the period. Unlike the summary, which follows the tickets created in the period,
 * it counts every solve that happened in the period (also of older tickets).
 */
export interface Backlog {
  /** Tickets created before the period and not solved by its start. */
  openAtStart: number;
  created: number;
  /** Solves during the period, of any ticket. */
  solved: number;
  /** created − solved over the period. */
  net: number;
  /** Tickets open at the end of the period: openAtStart + net. */
  unsolvedAtEnd: number;
  days: BacklogDay[];
}

export interface AgentProductivity {
  agent: string;
  /** The group the agent solved most tickets in; null when none is recorded. */
  team: string | null;
  solved: number;
  /** Days (in the chosen zone) on which the agent solved at least one ticket. */
  activeDays: number;
  solvedPerActiveDay: number | null;
  firstReplyMedian: number | null;
  fullResolutionMedian: number | null;
}

export type AnomalyMetric = 'firstReplyMedian' | 'fullResolutionMedian' | 'solvedPerActiveDay';

export interface Anomaly {
  agent: string;
  team: string | null;
  metric: AnomalyMetric;
  value: number;
  /** Whom the agent was compared with: their team, or the company when the team is too small. */
  reference: 'team' | 'company';
  referenceMedian: number;
  /** Modified z-score 0.6745·(x − median)/MAD (or the mean-absolute-deviation form when MAD is 0). */
  score: number;
  /** Whether the agent is better or worse than the team (lower times and more solved are better). */
  direction: 'better' | 'worse';
}

export interface Agents {
  productivity: AgentProductivity[];
  /** |modified z| above which an agent is reported. */
  threshold: number;
  anomalies: Anomaly[];
}

export interface Correlation {
  x: string;
  y: string;
  /** Days with a value for both series. */
  n: number;
  pearson: number | null;
  spearman: number | null;
}

export interface MetricsResult {
  schemaVersion: 1;
  input: InputSummary;
  period: Period;
  summary: MetricSet;
  /** One list per split, keyed by the dimensions joined with "/" (e.g. "group/channel"). */
  groups: Record<string, GroupRow[]>;
  peakHours: PeakHours;
  backlog: Backlog;
  agents: Agents;
  correlations: Correlation[];
  notes: string[];
}

export interface MetricsOptions {
  /** IANA zone for days, weeks, months and peak hours. */
  tz: string;
  /** Keep tickets created at or after this instant (epoch ms). */
  from?: number;
  /** Keep tickets created before this instant (epoch ms). */
  to?: number;
  /** Dimensions of one split; two or more make a cross split (group × channel). */
  by?: readonly Dimension[];
  /** Further independent splits, computed in the same run; each lands under groups[dimensions.join('/')]. */
  splits?: readonly (readonly Dimension[])[];
  /** First reply target for the service level, in minutes (default 60). */
  slaMinutes?: number;
  /** Lowest score counted satisfied on each numeric CSAT scale (default 4 of 1–5, 9 of 0–10). */
  csatSatisfiedFrom?: CsatSatisfiedFrom;
  /** |modified z| beyond which an agent is an anomaly (default 3.5). */
  anomalyThreshold?: number;
  input?: InputSummary;
}
