import { DURATION_METRICS } from '../metrics/types.js';
import type { ValueKind } from '../model/format.js';

/**
 * Every metric a check rule can name: its path in the metrics JSON contract (relative to
 * `summary`, or under `surveys.` / `accounts.` for the customer inputs), how its value reads,
 * and which count says how much data stands behind it.
 */

/** duration: minutes (rules may write 4h); share: 0..1 (rules may write 80%); number: plain. */
export type MetricKind = ValueKind;

export interface MetricInfo {
  path: string;
  kind: MetricKind;
  /** Path of the count the minimum-sample rule applies to; undefined for counts themselves. */
  sample?: string;
  /** Ticket metrics exist per agent/group and can be checked --by; customer metrics only overall. */
  perGroup: boolean;
}


const ticket = (path: string, kind: MetricKind, sample?: string): MetricInfo => ({ path, kind, perGroup: true, ...(sample ? { sample } : {}) });
const customer = (path: string, kind: MetricKind, sample: string): MetricInfo => ({ path, kind, sample, perGroup: false });

export const METRICS: readonly MetricInfo[] = [
  ticket('created', 'number'),
  ticket('solved', 'number'),
  ticket('unsolved', 'number'),
  ticket('unanswered', 'number'),
  ticket('createdPerDay', 'number', 'created'),
  ticket('solvedPerDay', 'number', 'solved'),
  ...DURATION_METRICS.flatMap((d) => [
    ticket(`${d}.count`, 'number'),
    ...(['mean', 'median', 'p90', 'p95'] as const).map((stat) => ticket(`${d}.${stat}`, 'duration', `${d}.count`)),
  ]),
  ticket('fcr.rate', 'share', 'fcr.eligible'),
  ticket('oneTouch.rate', 'share', 'oneTouch.solved'),
  ticket('reopenRate', 'share', 'solved'),
  ticket('csat.score', 'share', 'csat.responses'),
  ticket('csat.responseRate', 'share', 'csat.offered'),
  ticket('serviceLevel.rate', 'share', 'serviceLevel.replies'),
  customer('surveys.nps.score', 'number', 'surveys.nps.responses'),
  customer('surveys.ces.mean', 'number', 'surveys.ces.responses'),
  customer('surveys.ces.normalized', 'share', 'surveys.ces.responses'),
  customer('surveys.csat.score', 'share', 'surveys.csat.responses'),
  customer('accounts.latest.customerChurn', 'share', 'accounts.latest.customersStart'),
  customer('accounts.latest.mrrChurn', 'share', 'accounts.latest.customersStart'),
  customer('accounts.latest.netMrrChurn', 'signedShare', 'accounts.latest.customersStart'),
  customer('accounts.latest.expansionRate', 'signedShare', 'accounts.latest.customersStart'),
  customer('accounts.latest.upsellRatio', 'number', 'accounts.latest.customersStart'),
  customer('accounts.repurchase.customerRate', 'share', 'accounts.repurchase.customers'),
  customer('accounts.repurchase.purchaseRate', 'number', 'accounts.repurchase.customers'),
  customer('accounts.upsell.ratio', 'number', 'accounts.repurchase.customers'),
  customer('accounts.concentration.topShare', 'share', 'accounts.concentration.customers'),
];

const BY_PATH = new Map(METRICS.map((m) => [m.path, m]));

/** Short names for the paths people write most; a prefix alias keeps the part after it. */
const PREFIX_ALIASES: Readonly<Record<string, string>> = {
  'firstReply.': 'firstReplyMinutes.',
  'firstReplyBusiness.': 'firstReplyMinutesBusiness.',
  'firstResolution.': 'firstResolutionMinutes.',
  'resolution.': 'fullResolutionMinutes.',
  'resolutionBusiness.': 'fullResolutionMinutesBusiness.',
  'summary.': '',
  'nps.': 'surveys.nps.',
  'ces.': 'surveys.ces.',
};

export const ALIASES: Readonly<Record<string, string>> = {
  csat: 'csat.score',
  fcr: 'fcr.rate',
  oneTouch: 'oneTouch.rate',
  serviceLevel: 'serviceLevel.rate',
  reopens: 'reopenRate',
  nps: 'surveys.nps.score',
  ces: 'surveys.ces.mean',
  customerChurn: 'accounts.latest.customerChurn',
  mrrChurn: 'accounts.latest.mrrChurn',
  netMrrChurn: 'accounts.latest.netMrrChurn',
  expansion: 'accounts.latest.expansionRate',
  upsell: 'accounts.upsell.ratio',
  concentration: 'accounts.concentration.topShare',
};

/** The catalogue entry a name stands for (path or alias), or undefined. */
export function lookupMetric(name: string): MetricInfo | undefined {
  const direct = BY_PATH.get(name) ?? BY_PATH.get(ALIASES[name] ?? '');
  if (direct) return direct;
  for (const [prefix, target] of Object.entries(PREFIX_ALIASES)) {
    if (name.startsWith(prefix)) return BY_PATH.get(target + name.slice(prefix.length));
  }
  return undefined;
}

/** The valid names in one line: paths grouped by their last part, then the aliases. */
export function validMetricNames(): string {
  const grouped = new Map<string, string[]>();
  for (const { path } of METRICS) {
    const dot = path.lastIndexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const list = grouped.get(head) ?? [];
    if (dot >= 0) list.push(path.slice(dot + 1));
    grouped.set(head, list);
  }
  const paths = [...grouped].map(([head, tails]) => (tails.length === 0 ? head : tails.length === 1 ? `${head}.${tails[0]}` : `${head}.{${tails.join(',')}}`));
  const aliases = [...Object.keys(ALIASES), ...Object.keys(PREFIX_ALIASES).filter((p) => p !== 'summary.').map((p) => `${p}*`)];
  return `${paths.join(', ')}; aliases: ${aliases.join(', ')}`;
}

/** Reads a dotted path out of a result object; null when any step is missing or null. */
export function valueAt(source: unknown, path: string): number | null {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}
