import type { TicketTable } from '../model/table.js';
import { agentStats } from './agents.js';
import { ANOMALY_THRESHOLD, findAnomalies } from './anomalies.js';
import { backlogOf } from './backlog.js';
import { csatScaleOf } from './csat.js';
import { DEFAULT_CSAT_SATISFIED_FROM, DEFAULT_FIRST_REPLY_MINUTES } from './defaults.js';
import { dailyCorrelations } from './daily-correlations.js';
import { derive, type Derived } from './derive.js';
import { groupedColumns, tableColumns, type Columns } from './columns.js';
import { groupBy, splitRows } from './grouping.js';
import { computeMetricSet, type MetricEnv } from './metric-set.js';
import { agentNotes, availabilityNotes, businessFallbackNote, correlationNote, GROUP_NOTE, summaryNotes } from './notes.js';
import { peakHoursOf } from './peak-hours.js';
import { periodOf, selectRows } from './period.js';
import type { Agents, Dimension, GroupRow, MetricsOptions, MetricsResult } from './types.js';

/** One metric set per group of a split, over `columns` reordered group by group (groupedColumns). */
function splitMetrics(env: MetricEnv, columns: Columns, split: ReturnType<typeof splitRows>): GroupRow[] {
  const { starts } = split.grouping;
  return split.groups.map((group) => ({
    key: group.key,
    keys: group.keys,
    ...computeMetricSet(env, columns, starts[group.code]!, starts[group.code + 1]!, group.days),
  }));
}

/** `by` and `splits` as one list, each split checked; empty and repeated splits dropped. */
function splitsOf(options: MetricsOptions): (readonly Dimension[])[] {
  const splits = new Map<string, readonly Dimension[]>();
  for (const split of [...(options.by ? [options.by] : []), ...(options.splits ?? [])]) {
    if (new Set(split).size !== split.length) throw new RangeError(`a split names a dimension twice: ${split.join(', ')}`);
    if (split.length > 0) splits.set(split.join('/'), split);
  }
  return [...splits.values()];
}

/** The tickets of the period, its span and the summary metric set: the first step of every run. */
function summaryRun(table: TicketTable, options: MetricsOptions, derived: Derived) {
  const rows = selectRows(table, options.from, options.to);
  const { period, span } = periodOf(derived, rows, options.tz, options.from, options.to);
  const { has } = derived;
  const env: MetricEnv = {
    has,
    slaMinutes: options.slaMinutes ?? DEFAULT_FIRST_REPLY_MINUTES,
    serviceBasis: has.firstReply ? 'calendar' : has.firstReplyBusiness ? 'business' : null,
    csatScale: csatScaleOf(table),
    csatSatisfiedFrom: options.csatSatisfiedFrom ?? DEFAULT_CSAT_SATISFIED_FROM,
    scratch: new Float64Array(rows.length),
  };
  const all = tableColumns(table, derived);
  // Without --from/--to every row is selected and the table's own order serves.
  const selected = rows.length === table.length ? all : groupedColumns(all, groupBy(rows, new Int32Array(rows.length), 1), has);
  const summary = computeMetricSet(env, selected, 0, rows.length, period.days);
  return { rows, period, span, env, all, summary };
}

/**
 * The period and summary metric set alone, as computeMetrics gives them: for comparing periods
 * (the report's trend) without the per-agent, daily and peak-hour work of a whole run.
 */
export function computeSummary(table: TicketTable, options: MetricsOptions, derived: Derived = derive(table, options.tz)): Pick<MetricsResult, 'period' | 'summary'> {
  const { period, summary } = summaryRun(table, options, derived);
  return { period, summary };
}

/**
 * Every metric of DESIGN.md over the tickets created in [from, to), in time zone `tz`.
 * Pure: typed-array loops, one pass per figure, no per-ticket objects. `derived` is
 * derive(table, tz), for callers that run several periods over one table and derive it once.
 */
export function computeMetrics(table: TicketTable, options: MetricsOptions, derived: Derived = derive(table, options.tz)): MetricsResult {
  const { tz } = options;
  const splits = splitsOf(options);
  const threshold = options.anomalyThreshold ?? ANOMALY_THRESHOLD;
  const { rows, period, span, env, all, summary } = summaryRun(table, options, derived);
  const { has } = derived;
  const groups: Record<string, GroupRow[]> = {};
  // Each split reorders the columns into the arrays the split before it used: the figures of a
  // split are computed before the next one starts.
  let reordered: Columns | undefined;
  for (const split of splits) {
    if (span === null) {
      groups[split.join('/')] = [];
      continue;
    }
    const grouped = splitRows(split, table, derived, rows, span, period.days);
    reordered = groupedColumns(all, grouped.grouping, has, reordered);
    groups[split.join('/')] = splitMetrics(env, reordered, grouped);
  }
  // Agents and the daily series use the calendar variant when the export has it, else business hours.
  const firstReply = has.firstReply ? derived.firstReply : derived.firstReplyBusiness;
  const fullResolution = has.fullResolution ? derived.fullResolution : derived.fullResolutionBusiness;
  const stats = agentStats(table, derived, rows, { firstReply, fullResolution }, env.scratch);
  const agents: Agents = {
    productivity: stats.map(({ firstReplyCount: _f, fullResolutionCount: _r, ...row }) => row),
    threshold,
    anomalies: findAnomalies(stats, threshold),
  };
  const correlations = dailyCorrelations(derived, rows, span, env.scratch, [
    { name: 'firstReplyMedianMinutes', values: firstReply, solvedOnly: false },
    { name: 'fullResolutionMedianMinutes', values: fullResolution, solvedOnly: true },
  ]);
  const { backlog, undatedSolves } = backlogOf(derived, span);
  const notes = [
    ...availabilityNotes(derived),
    ...summaryNotes(summary, has, env.csatSatisfiedFrom['0-10']),
    ...(splits.length > 0 ? [GROUP_NOTE] : []),
    ...agentNotes(table.assignee.values.length > 0, threshold),
    ...businessFallbackNote(has),
    ...correlationNote(correlations),
    ...(undatedSolves > 0 ? [`backlog: ${undatedSolves} solved tickets have no solve time; counted as solved by the end, on no day`] : []),
  ];
  return {
    schemaVersion: 1,
    input: options.input ?? { files: [], format: 'table', rows: table.length, tickets: table.length, skipped: 0, duplicates: 0 },
    period,
    summary,
    groups,
    peakHours: peakHoursOf(derived, rows, tz),
    backlog,
    agents,
    correlations,
    notes,
  };
}
