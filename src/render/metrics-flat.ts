import { NO_VALUE } from '../metrics/grouping.js';
import { DURATION_METRICS, type Dimension, type DistributionSummary, type MetricSet, type MetricsResult } from '../metrics/types.js';

const STATS: (keyof DistributionSummary)[] = ['count', 'mean', 'median', 'p90', 'p95'];

type Cell = string | number | null;

/** Every figure of a metric set as [column name, value], flattened with dotted names. */
const COLUMNS: [string, (m: MetricSet) => Cell][] = [
  ['created', (m) => m.created],
  ['solved', (m) => m.solved],
  ['unsolved', (m) => m.unsolved],
  ['createdPerDay', (m) => m.createdPerDay],
  ['solvedPerDay', (m) => m.solvedPerDay],
  ['unanswered', (m) => m.unanswered],
  ...DURATION_METRICS.flatMap((d) => STATS.map((s): [string, (m: MetricSet) => Cell] => [`${d}.${s}`, (m) => m[d]?.[s] ?? null])),
  ['fcr.eligible', (m) => m.fcr?.eligible ?? null],
  ['fcr.rate', (m) => m.fcr?.rate ?? null],
  ['oneTouch.solved', (m) => m.oneTouch?.solved ?? null],
  ['oneTouch.rate', (m) => m.oneTouch?.rate ?? null],
  ['reopenRate', (m) => m.reopenRate],
  ['csat.offered', (m) => m.csat?.offered ?? null],
  ['csat.responses', (m) => m.csat?.responses ?? null],
  ['csat.satisfied', (m) => m.csat?.satisfied ?? null],
  ['csat.score', (m) => m.csat?.score ?? null],
  ['csat.responseRate', (m) => m.csat?.responseRate ?? null],
  ['csat.scale', (m) => m.csat?.scale ?? null],
  ['serviceLevel.targetMinutes', (m) => m.serviceLevel?.targetMinutes ?? null],
  ['serviceLevel.basis', (m) => m.serviceLevel?.basis ?? null],
  ['serviceLevel.rate', (m) => m.serviceLevel?.rate ?? null],
];

/**
 * The rows a spreadsheet wants: a header, then one row per group (one leading column per
 * dimension) or, without a split, one "all" row. Cells are raw numbers; null stays empty.
 */
export function metricsRows(result: MetricsResult): Cell[][] {
  const values = (m: MetricSet): Cell[] => COLUMNS.map(([, read]) => read(m));
  const names = COLUMNS.map(([name]) => name);
  const split = Object.keys(result.groups)[0];
  if (split === undefined) return [['scope', ...names], ['all', ...values(result.summary)]];
  const dimensions = split.split('/') as Dimension[];
  return [
    [...dimensions, ...names],
    ...result.groups[split]!.map((row) => [...dimensions.map((d) => row.keys[d] ?? NO_VALUE), ...values(row)]),
  ];
}
