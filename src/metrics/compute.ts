import type { TicketTable } from '../model/table.js';
import { agentStats } from './agents.js';
import { ANOMALY_THRESHOLD, findAnomalies } from './anomalies.js';
import { backlogOf } from './backlog.js';
import { CSAT_SATISFIED_MIN_010, csatScaleOf } from './csat.js';
import { dailyCorrelations } from './daily-correlations.js';
import { derive } from './derive.js';
import { splitRows } from './grouping.js';
import { computeMetricSet, type MetricEnv } from './metric-set.js';
import { agentNotes, availabilityNotes, correlationNote, GROUP_NOTE, summaryNotes } from './notes.js';
import { peakHoursOf } from './peak-hours.js';
import { periodOf, selectRows } from './period.js';
import type { Agents, GroupRow, MetricsOptions, MetricsResult } from './types.js';

/** Default first reply target (DESIGN.md: 1 h). */
export const DEFAULT_SLA_MINUTES = 60;

/**
 * Every metric of DESIGN.md over the tickets created in [from, to), in time zone `tz`.
 * Pure: typed-array loops, one pass per figure, no per-ticket objects.
 */
export function computeMetrics(table: TicketTable, options: MetricsOptions): MetricsResult {
  const { tz } = options;
  const by = options.by ?? [];
  if (new Set(by).size !== by.length) throw new RangeError(`a split names a dimension twice: ${by.join(', ')}`);
  const threshold = options.anomalyThreshold ?? ANOMALY_THRESHOLD;
  const csatSatisfiedMin010 = options.csatSatisfiedMin010 ?? CSAT_SATISFIED_MIN_010;
  const derived = derive(table, tz);
  const rows = selectRows(table, options.from, options.to);
  const { period, span } = periodOf(derived, rows, tz, options.from, options.to);
  const { has } = derived;
  const env: MetricEnv = {
    table,
    derived,
    slaMinutes: options.slaMinutes ?? DEFAULT_SLA_MINUTES,
    serviceBasis: has.firstReply ? 'calendar' : has.firstReplyBusiness ? 'business' : null,
    csatScale: csatScaleOf(table),
    csatSatisfiedMin010,
    scratch: new Float64Array(rows.length),
  };
  const summary = computeMetricSet(env, rows, period.days);
  const groups: Record<string, GroupRow[]> = {};
  if (by.length > 0 && span !== null) {
    groups[by.join('/')] = splitRows(by, table, derived, rows, span, period.days).map((group) => ({
      key: group.key,
      keys: group.keys,
      ...computeMetricSet(env, group.rows, group.days),
    }));
  }
  // Agents and the daily series use the calendar variant when the export has it, else business hours.
  const firstReply = has.firstReply ? derived.firstReply : derived.firstReplyBusiness;
  const fullResolution = has.fullResolution ? derived.fullResolution : derived.fullResolutionBusiness;
  const stats = agentStats(table, derived, rows, { firstReply, fullResolution }, tz);
  const agents: Agents = {
    productivity: stats.map(({ firstReplyCount: _f, fullResolutionCount: _r, ...row }) => row),
    threshold,
    anomalies: findAnomalies(stats, threshold),
  };
  const correlations = dailyCorrelations(derived, rows, span, [
    { name: 'firstReplyMedianMinutes', values: firstReply, solvedOnly: false },
    { name: 'fullResolutionMedianMinutes', values: fullResolution, solvedOnly: true },
  ]);
  const { backlog, undatedSolves } = backlogOf(derived, span, tz);
  const notes = [
    ...availabilityNotes(derived),
    ...summaryNotes(summary, csatSatisfiedMin010),
    ...(by.length > 0 ? [GROUP_NOTE] : []),
    ...agentNotes(stats.length, threshold),
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
