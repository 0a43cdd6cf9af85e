import type { Concentration } from '../metrics/customer/accounts.js';
import { computeMetrics } from '../metrics/compute.js';
import type { Dimension, MetricsOptions, MetricsResult } from '../metrics/types.js';
import type { TicketTable } from '../model/table.js';
import type { EvidenceFacts, EvidenceTargets } from './evidence.js';
import { exportFacts } from './export-facts.js';

/** The splits the evidence rules read: channel mix, weekly trend, team level. */
export const EVIDENCE_SPLITS: readonly (readonly Dimension[])[] = [['channel'], ['week'], ['group']];

export interface GatherOptions extends Omit<MetricsOptions, 'by' | 'splits' | 'slaMinutes'> {
  targets: EvidenceTargets;
  accounts?: Concentration | null;
}

/**
 * The evidence from metrics already computed over the export: they must hold EVIDENCE_SPLITS
 * and measure the service level against targets.firstReplyMinutes. The report passes its own.
 */
export function evidenceFrom(
  table: TicketTable,
  metrics: MetricsResult,
  targets: EvidenceTargets,
  accounts?: Concentration | null,
): EvidenceFacts {
  return { metrics, exportFacts: exportFacts(table), targets, ...(accounts !== undefined ? { accounts } : {}) };
}

/** Runs the metrics engine over an export once, with every split the rules read. */
export function gatherEvidence(table: TicketTable, options: GatherOptions): EvidenceFacts {
  const { targets, accounts, ...metricsOptions } = options;
  const metrics = computeMetrics(table, { ...metricsOptions, slaMinutes: targets.firstReplyMinutes, splits: EVIDENCE_SPLITS });
  return evidenceFrom(table, metrics, targets, accounts);
}
