import { agentDayInput } from '../metrics/agent-day-figures.js';
import { complete, computeMetrics, metricsBesideAgentDays } from '../metrics/compute.js';
import { derive } from '../metrics/derive.js';
import type { MetricsOptions, MetricsResult } from '../metrics/types.js';
import type { TicketTable } from '../model/table.js';
import type { HelperThread } from './helper.js';

/**
 * computeMetrics, with the agent and daily figures computed on `helper` while this thread
 * computes the rest, when a helper is at hand: the same result, a few tenths of a second sooner on a
 * million tickets. The helper reads the columns it needs without a copy when they are in shared
 * memory (a table built with `sharedMemory`; derived here in shared memory).
 */
export async function computeMetricsWith(helper: HelperThread | undefined, table: TicketTable, options: MetricsOptions): Promise<MetricsResult> {
  if (!helper?.usable) return computeMetrics(table, options);
  const derived = derive(table, options.tz, { sharedMemory: true });
  const figures = helper.agentDayFigures(agentDayInput(table, derived, options, { sharedMemory: true }));
  const rest = metricsBesideAgentDays(table, options, derived);
  return complete(rest, await figures);
}
