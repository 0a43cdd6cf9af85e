import type { ChalkInstance } from 'chalk';
import { formatMinutes } from '../model/duration.js';
import { DASH, orDash, percentOneDecimal, plural, roundTo } from '../model/format.js';
import { CLASSES } from '../queue/classes.js';
import type { Comparison, PolicyReport } from '../queue/compare.js';
import type { WaitStats } from '../queue/summary.js';
import { toDelimited } from './csv.js';
import { toJson } from './json.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

/** How a simulation was set up, as the report states it. Instants are ISO 8601. */
export interface SimulationSettings {
  arrivals: string;
  tickets: number;
  from: string;
  to: string;
  warmupUntil: string | null;
  agents: number;
  hours: string;
  tz: string;
  handleTime: string;
  patience: string | null;
  seed: number;
  slaMinutes: number[];
}

export interface SimulationReport {
  /** The export replayed or profiled (DESIGN.md `input` block); null for synthetic-only runs. */
  input: unknown;
  settings: SimulationSettings;
  comparison: Comparison;
}

export const SIMULATE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type SimulateFormat = (typeof SIMULATE_FORMATS)[number];

const round = (x: number | null, digits: number): number | null => (x === null ? null : roundTo(x, digits));
const pct = (x: number | null): string => orDash(x, percentOneDecimal);

function statsJson(s: WaitStats): Record<string, unknown> {
  return {
    count: s.count,
    mean: round(s.mean, 3),
    median: round(s.median, 3),
    p90: round(s.p90, 3),
    p95: round(s.p95, 3),
    p99: round(s.p99, 3),
    max: round(s.max, 3),
    withinSla: Object.fromEntries(Object.entries(s.withinSla).map(([k, v]) => [k, round(v, 6)])),
    over24h: round(s.over24h, 6),
    answeredBeforePatience: round(s.answeredBeforePatience, 6),
  };
}

/** The JSON contract of `csops simulate` (schemaVersion 1); every wait in minutes. */
function simulationJson(report: SimulationReport): Record<string, unknown> {
  return {
    schemaVersion: 1,
    input: report.input,
    simulation: report.settings,
    policies: report.comparison.policies.map((p) => ({
      policy: p.policy,
      overall: statsJson(p.overall),
      byClass: Object.fromEntries(Object.entries(p.byClass).map(([c, s]) => [c, statsJson(s)])),
      unansweredAtEnd: p.unansweredAtEnd,
      oldestWaitingMinutes: round(p.oldestWaitingMinutes, 3),
      utilisation: round(p.utilisation, 6),
    })),
    verdict: report.comparison.verdict,
  };
}

const slaLabel = (minutes: number): string => `within ${formatMinutes(minutes)}`;

/** Rows of the side-by-side table: a label and one cell per policy. */
function overallRows(report: SimulationReport): (string | number)[][] {
  const ps = report.comparison.policies;
  const row = (label: string, cell: (p: PolicyReport) => string | number): (string | number)[] => [label, ...ps.map(cell)];
  const rows = [
    row('answered', (p) => p.overall.count),
    row('mean wait', (p) => formatMinutes(p.overall.mean)),
    row('median', (p) => formatMinutes(p.overall.median)),
    row('p90', (p) => formatMinutes(p.overall.p90)),
    row('p95', (p) => formatMinutes(p.overall.p95)),
    row('p99', (p) => formatMinutes(p.overall.p99)),
    row('max', (p) => formatMinutes(p.overall.max)),
    ...report.settings.slaMinutes.map((m) => row(slaLabel(m), (p) => pct(p.overall.withinSla[String(m)] ?? null))),
    row('waiting > 24h', (p) => pct(p.overall.over24h)),
  ];
  if (report.settings.patience !== null) rows.push(row('before patience', (p) => pct(p.overall.answeredBeforePatience)));
  rows.push(
    row('unanswered at end', (p) => p.unansweredAtEnd),
    row('oldest waiting', (p) => formatMinutes(p.oldestWaitingMinutes)),
    row('utilisation', (p) => pct(p.utilisation)),
  );
  return rows;
}

/** One row per class: median / p95 / share within the first SLA target, per policy. */
function classRows(report: SimulationReport): (string | number)[][] {
  const first = report.settings.slaMinutes[0];
  return CLASSES.filter((c) => report.comparison.policies.some((p) => p.byClass[c])).map((c) => [
    c,
    ...report.comparison.policies.map((p) => {
      const s = p.byClass[c];
      if (!s) return DASH;
      const within = first === undefined ? '' : ` / ${pct(s.withinSla[String(first)] ?? null)}`;
      return `${formatMinutes(s.median)} / ${formatMinutes(s.p95)}${within}`;
    }),
  ]);
}

function headline(s: SimulationSettings): string {
  const patience = s.patience ? `, patience ${s.patience}` : '';
  return (
    `Simulated ${s.arrivals}: ${s.tickets} tickets, ${s.from} → ${s.to}; ${plural(s.agents, 'agent')}, ${s.hours} (${s.tz}); ` +
    `handle ${s.handleTime}${patience}; seed ${s.seed}. Waits run from arrival until an agent picks the ticket up.`
  );
}

const classTitle = (s: SimulationSettings): string =>
  `By class: median / p95${s.slaMinutes[0] === undefined ? '' : ` / ${slaLabel(s.slaMinutes[0])}`}`;

/** Flat rows for spreadsheets: one per policy and class ("all" for the overall figures). */
function csvRows(report: SimulationReport): unknown[][] {
  const sla = report.settings.slaMinutes;
  const head = [
    'policy', 'class', 'count', 'mean', 'median', 'p90', 'p95', 'p99', 'max',
    ...sla.map((m) => `within_${m}m`), 'over_24h', 'answered_before_patience',
    'unanswered_at_end', 'oldest_waiting_minutes', 'utilisation',
  ];
  const rows: unknown[][] = [head];
  for (const p of report.comparison.policies) {
    const line = (cls: string, s: WaitStats) => [
      p.policy, cls, s.count, round(s.mean, 3), round(s.median, 3), round(s.p90, 3), round(s.p95, 3), round(s.p99, 3), round(s.max, 3),
      ...sla.map((m) => round(s.withinSla[String(m)] ?? null, 6)), round(s.over24h, 6), round(s.answeredBeforePatience, 6),
      p.unansweredAtEnd, round(p.oldestWaitingMinutes, 3), round(p.utilisation, 6),
    ];
    rows.push(line('all', p.overall));
    for (const c of CLASSES) if (p.byClass[c]) rows.push(line(c, p.byClass[c]!));
  }
  return rows;
}

export function renderSimulation(report: SimulationReport, format: SimulateFormat, chalk: ChalkInstance): string {
  const head = ['', ...report.comparison.policies.map((p) => p.policy)];
  const verdict = report.comparison.verdict.text;
  switch (format) {
    case 'json':
      return toJson(simulationJson(report));
    case 'csv':
      return toDelimited(csvRows(report), 'csv');
    case 'markdown':
      return [
        `${headline(report.settings)}\n`,
        markdownTable(['overall', ...head.slice(1)], overallRows(report)),
        `**${classTitle(report.settings)}**\n`,
        markdownTable(['class', ...head.slice(1)], classRows(report)),
        `${verdict}\n`,
      ].join('\n');
    case 'table':
      return [
        `${headline(report.settings)}\n`,
        renderTable({ head: ['overall', ...head.slice(1)], rows: overallRows(report), chalk }),
        chalk.bold(classTitle(report.settings)) + '\n',
        renderTable({ head: ['class', ...head.slice(1)], rows: classRows(report), chalk }),
        chalk.bold(verdict) + '\n',
      ].join('');
  }
}
