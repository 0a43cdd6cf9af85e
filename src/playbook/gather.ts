import type { Concentration } from '../metrics/customer/accounts.js';
import { computeMetrics } from '../metrics/compute.js';
import type { Dimension, MetricsOptions } from '../metrics/types.js';
import type { TicketTable } from '../model/table.js';
import type { EvidenceFacts, EvidenceTargets } from './evidence.js';
import { exportFacts } from './export-facts.js';

/** The splits the evidence rules read: channel mix, weekly trend, team level. */
const EVIDENCE_SPLITS: readonly Dimension[] = ['channel', 'week', 'group'];

export interface GatherOptions extends Omit<MetricsOptions, 'by' | 'slaMinutes'> {
  targets: EvidenceTargets;
  accounts?: Concentration | null;
}

/**
 * Runs the metrics engine over an export once for the summary and once per split the rules
 * need, and collects them into one result with those splits under `groups`.
 */
export function gatherEvidence(table: TicketTable, options: GatherOptions): EvidenceFacts {
  const { targets, accounts, ...metricsOptions } = options;
  const base = { ...metricsOptions, slaMinutes: targets.firstReplyMinutes };
  const metrics = computeMetrics(table, base);
  for (const split of EVIDENCE_SPLITS) {
    metrics.groups[split] = computeMetrics(table, { ...base, by: [split] }).groups[split] ?? [];
  }
  return {
    metrics,
    exportFacts: exportFacts(table),
    targets,
    ...(accounts !== undefined ? { accounts } : {}),
  };
}
