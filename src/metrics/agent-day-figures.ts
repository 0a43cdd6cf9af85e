import type { DictionaryColumn, NumberColumn, TicketTable } from '../model/table.js';
import { agentStats } from './agents.js';
import { ANOMALY_THRESHOLD, findAnomalies } from './anomalies.js';
import { dailyCorrelations } from './daily-correlations.js';
import type { Derived } from './derive.js';
import type { DaySpan } from './grouping.js';
import { periodOf, selectRows } from './period.js';
import type { Agents, Correlation, MetricsOptions } from './types.js';

/**
 * Everything the per-agent figures and the daily correlations read, and nothing else: a handful
 * of columns, so another thread can be handed them and compute these figures while this one
 * computes the rest (see metricsBesideAgentDays).
 */
export interface AgentDayInput {
  /** Selected table rows (the tickets created in the period). */
  rows: Int32Array;
  /** Days of the period, null when it has no tickets. */
  span: DaySpan | null;
  assignee: DictionaryColumn;
  group: DictionaryColumn;
  solved: Uint8Array;
  solvedDay: Int32Array;
  createdDay: Int32Array;
  /** Per table row: first reply minutes (calendar when the export has them, else business hours). */
  firstReply: NumberColumn;
  /** Per table row: full resolution minutes, in the same variant rule. */
  fullResolution: NumberColumn;
  /** |modified z| above which an agent is an anomaly. */
  threshold: number;
}

export interface AgentDayFigures {
  agents: Agents;
  correlations: Correlation[];
}

/** Agents and the daily series use the calendar variant when the export has it, else business hours. */
export function agentDurations(derived: Derived): { firstReply: NumberColumn; fullResolution: NumberColumn } {
  const { has } = derived;
  return {
    firstReply: has.firstReply ? derived.firstReply : derived.firstReplyBusiness,
    fullResolution: has.fullResolution ? derived.fullResolution : derived.fullResolutionBusiness,
  };
}

/**
 * The input of agentDayFigures. With `sharedMemory`, the rows are selected into shared memory:
 * with a table and `derived` in shared memory too, another thread is handed the input without a copy.
 */
export function agentDayInput(table: TicketTable, derived: Derived, options: MetricsOptions, { sharedMemory = false } = {}): AgentDayInput {
  const rows = selectRows(table, options.from, options.to, sharedMemory);
  return {
    rows,
    span: periodOf(derived, rows, options.tz, options.from, options.to).span,
    assignee: table.assignee,
    group: table.group,
    solved: derived.solved,
    solvedDay: derived.solvedDay,
    createdDay: derived.createdDay,
    ...agentDurations(derived),
    threshold: options.anomalyThreshold ?? ANOMALY_THRESHOLD,
  };
}

/**
 * Per agent: productivity, median times and the agents far from their team; per day: how the
 * median first reply and resolution move with the day's volume. `scratch`: rows.length doubles
 * to work in, when the caller has them to spare.
 */
export function agentDayFigures(input: AgentDayInput, scratch: Float64Array = new Float64Array(input.rows.length)): AgentDayFigures {
  const stats = agentStats(input, input, input.rows, input, scratch);
  const correlations = dailyCorrelations(input, input.rows, input.span, scratch, [
    { name: 'firstReplyMedianMinutes', values: input.firstReply, solvedOnly: false },
    { name: 'fullResolutionMedianMinutes', values: input.fullResolution, solvedOnly: true },
  ]);
  return {
    agents: {
      productivity: stats.map(({ firstReplyCount: _f, fullResolutionCount: _r, ...row }) => row),
      threshold: input.threshold,
      anomalies: findAnomalies(stats, input.threshold),
    },
    correlations,
  };
}
