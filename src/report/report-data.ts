import type { ResolvedBusinessHours, ResolvedTargets } from '../config/defaults.js';
import type { CustomerFigures } from '../ingest/customer-inputs.js';
import { computeMetrics, computeSummary } from '../metrics/compute.js';
import { createdShares } from '../metrics/created-shares.js';
import { derive, type Derived } from '../metrics/derive.js';
import { selectRows } from '../metrics/period.js';
import type { Backlog, BacklogDay, CsatSatisfiedFrom, Dimension, InputSummary, MetricSet, MetricsResult, PeakHours, Period } from '../metrics/types.js';
import { dictionaryValue, ticketId, type NumberColumn, type TicketTable } from '../model/table.js';
import { keyToDayNumber, MS, weekdayOfDayNumber } from '../model/time.js';
import { PRIORITIES, STATUSES } from '../model/ticket.js';
import { checklistSummary } from '../playbook/evaluate.js';
import { EVIDENCE_SPLITS, evidenceFrom } from '../playbook/gather.js';
import { stageForHeadcount, stageRange } from '../playbook/stages.js';
import type { EvidenceStatus } from '../playbook/evidence.js';
import type { ChecklistState } from '../playbook/state.js';
import { lookAtList, type Finding } from './report-findings.js';
import { reportForecast, type ReportForecast } from './report-forecast.js';

/**
 * Everything `csops report` shows, as one plain object: the same object feeds the terminal,
 * Markdown, HTML and JSON outputs. Built from the metrics engine plus a few report-only views
 * (trend, first-reply distribution, oldest open tickets). Pure.
 */

export interface Change {
  current: number | null;
  previous: number | null;
  /** (current − previous) ÷ previous; null when either side is missing or previous is 0. */
  relative: number | null;
}

export interface Trend {
  /** What is compared, e.g. "the last 21 days vs the 21 days before". */
  label: string;
  previous: { from: string; to: string; days: number };
  createdPerDay: Change;
  solvedPerDay: Change;
  firstReplyMedian: Change;
  csat: Change;
}

export interface HistogramBin {
  label: string;
  fromMinutes: number;
  /** Exclusive upper bound; null for the last, open bin. */
  toMinutes: number | null;
  count: number;
}

export interface OpenTicket {
  id: string;
  ageMinutes: number;
  status: string | null;
  priority: string | null;
  group: string | null;
  /** The requester's email or name (else id): only present when the report was asked to show requesters. */
  requester?: string | null;
}

export interface ChannelRow {
  channel: string;
  created: number;
  share: number | null;
  firstReplyMedian: number | null;
  csat: number | null;
}

export interface AgentRow {
  agent: string;
  team: string | null;
  /** Tickets assigned to the agent that were created in the period. */
  assigned: number;
  solved: number;
  solvedPerActiveDay: number | null;
  firstReplyMedian: number | null;
  fullResolutionMedian: number | null;
  csat: number | null;
  /** Anomalies, e.g. "first reply median worse than team". */
  flags: string[];
}

export interface AfterHours {
  /** The opening hours used, e.g. "Mon–Fri 09:00–17:00". */
  hours: string;
  created: number;
  /** Tickets created outside those hours (or on a holiday). */
  outside: number;
  share: number | null;
}

/** The growth checklist in brief, when the company's headcount is known. */
export interface ChecklistBrief {
  stage: { id: string; title: string; range: string; focus: string };
  /** Items of the stage the data shows are not met. */
  unmet: { title: string; evidence: string | null }[];
  /** The next stage and its three key items. */
  next: { title: string; range: string; items: { title: string; status: EvidenceStatus }[] } | null;
}

export interface ReportData {
  schemaVersion: 1;
  input: InputSummary;
  period: Period;
  usedSample: boolean;
  targets: ResolvedTargets;
  summary: MetricSet;
  trend: Trend | null;
  daily: BacklogDay[];
  backlog: Omit<Backlog, 'days'> & { oldestOpen: OpenTicket[] };
  firstReplyHistogram: HistogramBin[];
  peakHours: PeakHours;
  afterHours: AfterHours;
  channels: ChannelRow[];
  agents: AgentRow[];
  surveys: CustomerFigures['surveys'];
  accounts: CustomerFigures['accounts'];
  support: CustomerFigures['support'];
  lookAt: Finding[];
  checklist: ChecklistBrief | null;
  /** Daily created tickets for the four weeks after the period; null with less than four weeks of history (a note says so). */
  forecast: ReportForecast | null;
  notes: string[];
}

export interface ReportOptions {
  tz: string;
  /** The period asked for (epoch ms, [from, to)); the whole export when absent. */
  from?: number;
  to?: number;
  targets: ResolvedTargets;
  businessHours: ResolvedBusinessHours;
  csatSatisfiedFrom: CsatSatisfiedFrom;
  input: InputSummary;
  usedSample: boolean;
  /** Notes from reading the input, shown with the engine's. */
  inputNotes: readonly string[];
  /** Company headcount (and saved checklist state): adds the stage's checklist in brief. */
  checklist?: { headcount: number; team?: number; state?: ChecklistState };
  /** List who asked in the oldest open tickets. Off by default: requesters are personal data. */
  showRequesters?: boolean;
}

const FRT_BINS: readonly [string, number][] = [
  ['< 15m', 0],
  ['15–30m', 15],
  ['30m–1h', 30],
  ['1–2h', 60],
  ['2–4h', 120],
  ['4–8h', 240],
  ['8–24h', 480],
  ['1–3d', 1440],
  ['≥ 3d', 4320],
];

/** How many of the oldest open tickets the report lists. */
const OLDEST_SHOWN = 5;

const change = (current: number | null | undefined, previous: number | null | undefined): Change => {
  const c = current ?? null;
  const p = previous ?? null;
  return { current: c, previous: p, relative: c !== null && p !== null && p !== 0 ? (c - p) / p : null };
};

const epoch = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

function histogram(values: NumberColumn, rows: Int32Array): HistogramBin[] {
  const bins = FRT_BINS.map(([label, fromMinutes], i) => ({ label, fromMinutes, toMinutes: FRT_BINS[i + 1]?.[1] ?? null, count: 0 }));
  for (const row of rows) {
    const v = values[row]!;
    if (Number.isNaN(v)) continue;
    let i = bins.length - 1;
    while (i > 0 && v < bins[i]!.fromMinutes) i--;
    bins[i]!.count++;
  }
  return bins;
}

/**
 * Tickets created before `end` and still unsolved in the export, oldest first, aged at `end`;
 * with their requester only when asked. A ticket solved after the period was open at its end,
 * but listing it here would send the reader to a ticket nobody needs to look at any more.
 */
function oldestOpen(table: TicketTable, solved: Uint8Array, end: number, showRequesters: boolean): OpenTicket[] {
  const open: number[] = [];
  for (let row = 0; row < table.length; row++) {
    if (table.createdAt[row]! >= end || solved[row] === 1) continue;
    open.push(row);
  }
  open.sort((a, b) => table.createdAt[a]! - table.createdAt[b]!);
  return open.slice(0, OLDEST_SHOWN).map((row) => ({
    id: ticketId(table, row),
    ageMinutes: (end - table.createdAt[row]!) / MS.minute,
    status: STATUSES[table.status[row]!] ?? null,
    priority: PRIORITIES[table.priority[row]!] ?? null,
    group: dictionaryValue(table.group, row) ?? null,
    ...(showRequesters ? { requester: dictionaryValue(table.requesterContact, row) ?? dictionaryValue(table.requester, row) ?? null } : {}),
  }));
}

/** How many of the period's tickets arrived outside the team's opening hours (seed 004: nights and weekends need cover too). */
function afterHoursOf(rows: Int32Array, derived: Derived, hours: ResolvedBusinessHours): AfterHours {
  // Day numbers, not keys: making a key of every ticket's day took longer than the rest of the report.
  const holidays = new Set(hours.holidays.map(keyToDayNumber));
  let outside = 0;
  for (const row of rows) {
    const day = derived.createdDay[row]!;
    const minute = derived.createdMinute[row]!;
    const open =
      hours.weekdays.includes(weekdayOfDayNumber(day)) &&
      !holidays.has(day) &&
      minute >= hours.startMinutes &&
      minute < hours.endMinutes;
    if (!open) outside++;
  }
  return { hours: hours.label, created: rows.length, outside, share: rows.length > 0 ? outside / rows.length : null };
}

const ANOMALY_LABEL = { firstReplyMedian: 'first reply', fullResolutionMedian: 'resolution', solvedPerActiveDay: 'solved per day' } as const;

function agentRows(result: MetricsResult): AgentRow[] {
  const byAgent = new Map((result.groups.agent ?? []).map((g) => [g.key, g]));
  return result.agents.productivity.map((p) => {
    const group = byAgent.get(p.agent);
    return {
      agent: p.agent,
      team: p.team,
      assigned: group?.created ?? 0,
      solved: p.solved,
      solvedPerActiveDay: p.solvedPerActiveDay,
      firstReplyMedian: p.firstReplyMedian,
      fullResolutionMedian: p.fullResolutionMedian,
      csat: group?.csat?.score ?? null,
      flags: result.agents.anomalies
        .filter((a) => a.agent === p.agent)
        .map((a) => `${ANOMALY_LABEL[a.metric]} ${a.direction} than ${a.reference}`),
    };
  });
}

function channelRows(result: MetricsResult): ChannelRow[] {
  return createdShares(result.groups.channel ?? []).map(({ row, share }) => ({
    channel: row.key,
    created: row.created,
    share,
    firstReplyMedian: (row.firstReplyMinutes ?? row.firstReplyMinutesBusiness)?.median ?? null,
    csat: row.csat?.score ?? null,
  }));
}

/**
 * The trend: the asked period against the same length before it; for a whole export (no
 * --from/--to) its second half against its first half, so the first run already shows one.
 */
function trendOf(table: TicketTable, derived: Derived, options: ReportOptions, main: MetricsResult): Trend | null {
  const start = epoch(main.period.from);
  const end = epoch(main.period.to);
  const days = main.period.days;
  if (start === null || end === null || days < 2) return null;
  const asked = options.from !== undefined || options.to !== undefined;
  const half = Math.floor(days / 2);
  const cut = asked ? start : end - half * MS.day;
  const length = asked ? end - start : half * MS.day;
  const shownDays = asked ? days : half;
  const metrics = (from: number, to: number) =>
    computeSummary(
      table,
      { tz: options.tz, from, to, slaMinutes: options.targets.firstReplyMinutes, csatSatisfiedFrom: options.csatSatisfiedFrom },
      derived,
    );
  const recent = asked ? main : metrics(cut, end);
  const before = metrics(cut - length, cut);
  if (before.summary.created === 0) return null;
  const frt = (s: MetricSet) => (s.firstReplyMinutes ?? s.firstReplyMinutesBusiness)?.median;
  return {
    label: asked ? `this period vs the ${shownDays} days before` : `the last ${shownDays} days vs the ${shownDays} days before`,
    previous: { from: before.period.from ?? '', to: before.period.to ?? '', days: before.period.days },
    createdPerDay: change(recent.summary.createdPerDay, before.summary.createdPerDay),
    solvedPerDay: change(recent.summary.solvedPerDay, before.summary.solvedPerDay),
    firstReplyMedian: change(frt(recent.summary), frt(before.summary)),
    csat: change(recent.summary.csat?.score, before.summary.csat?.score),
  };
}

/** `main` holds EVIDENCE_SPLITS whenever the checklist is asked for. */
function checklistBrief(table: TicketTable, main: MetricsResult, customer: CustomerFigures, options: ReportOptions): ChecklistBrief | null {
  if (!options.checklist) return null;
  const { headcount, team, state } = options.checklist;
  const stage = stageForHeadcount(headcount);
  const evidence = evidenceFrom(table, main, options.targets, customer.accounts?.concentration);
  const summary = checklistSummary(stage.id, { evidence, ...(team !== undefined ? { team } : {}), ...(state ? { state } : {}) });
  return {
    stage: { id: stage.id, title: stage.title, range: stageRange(stage), focus: stage.focus },
    unmet: summary.unmet.map((row) => ({ title: row.title, evidence: row.evidence })),
    next: summary.next && {
      title: summary.next.stage.title,
      range: stageRange(summary.next.stage),
      items: summary.next.items.map((row) => ({ title: row.title, status: row.status })),
    },
  };
}

export function buildReport(table: TicketTable, customer: CustomerFigures, options: ReportOptions): ReportData {
  const base = {
    tz: options.tz,
    ...(options.from !== undefined ? { from: options.from } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    slaMinutes: options.targets.firstReplyMinutes,
    csatSatisfiedFrom: options.csatSatisfiedFrom,
    input: options.input,
  };
  // One run for every split shown: the agent and channel tables, and what the checklist's evidence reads.
  const splits: (readonly Dimension[])[] = [['agent'], ['channel'], ...(options.checklist ? EVIDENCE_SPLITS : [])];
  const derived = derive(table, options.tz);
  const main = computeMetrics(table, { ...base, splits }, derived);
  const rows = selectRows(table, options.from, options.to);
  const frtValues = derived.has.firstReply ? derived.firstReply : derived.firstReplyBusiness;
  const end = epoch(main.period.to) ?? Number.POSITIVE_INFINITY;
  const { days, ...backlog } = main.backlog;
  const ahead = reportForecast(table, derived.createdDay, options.tz, end);
  const data: Omit<ReportData, 'lookAt'> = {
    schemaVersion: 1,
    input: options.input,
    period: main.period,
    usedSample: options.usedSample,
    targets: options.targets,
    summary: main.summary,
    trend: trendOf(table, derived, options, main),
    daily: days,
    backlog: { ...backlog, oldestOpen: oldestOpen(table, derived.solved, end, options.showRequesters === true) },
    firstReplyHistogram: histogram(frtValues, rows),
    peakHours: main.peakHours,
    afterHours: afterHoursOf(rows, derived, options.businessHours),
    channels: channelRows(main),
    agents: agentRows(main),
    surveys: customer.surveys,
    accounts: customer.accounts,
    support: customer.support,
    checklist: checklistBrief(table, main, customer, options),
    forecast: ahead.forecast,
    notes: [...options.inputNotes, ...main.notes, ...(ahead.note ? [ahead.note] : []), ...customer.notes],
  };
  return { ...data, lookAt: lookAtList(data) };
}
