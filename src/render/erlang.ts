import type { ChalkInstance } from 'chalk';
import { percentOneDecimal, roundTo } from '../model/format.js';
import type { StaffingLevel } from '../staffing/queue-model.js';
import { toDelimited } from './csv.js';
import { toJson } from './json.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

/** What `csops erlang` prints: one staffing level, and the levels tried when it was sized. */
export interface ErlangReport extends StaffingLevel {
  positions: number;
  thresholdSeconds: number;
  shrinkage: number;
  curve?: StaffingLevel[];
}

const secs = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(1)}s` : '∞');

/** The JSON contract of `csops erlang` (schemaVersion 1). */
function erlangJson(report: ErlangReport): Record<string, unknown> {
  return {
    schemaVersion: 1,
    model: report.model,
    traffic: roundTo(report.traffic, 6),
    agents: report.agents,
    waitProbability: roundTo(report.waitProbability, 6),
    serviceLevel: roundTo(report.serviceLevel, 6),
    thresholdSeconds: report.thresholdSeconds,
    asaSeconds: roundTo(report.asaSeconds, 3),
    occupancy: roundTo(report.occupancy, 6),
    ...(report.abandonProbability !== undefined && { abandonProbability: roundTo(report.abandonProbability, 6) }),
    shrinkage: report.shrinkage,
    positions: report.positions,
    ...(report.curve && {
      curve: report.curve.map((l) => ({
        agents: l.agents,
        serviceLevel: roundTo(l.serviceLevel, 6),
        asaSeconds: roundTo(l.asaSeconds, 3),
        occupancy: roundTo(l.occupancy, 6),
      })),
    }),
  };
}

function summaryRows(report: ErlangReport): string[][] {
  const rows = [
    ['model', report.model === 'erlang-a' ? 'Erlang A (with abandonment)' : 'Erlang C'],
    ['traffic (Erlangs)', report.traffic.toFixed(2)],
    ['agents', String(report.agents)],
    ['wait probability', percentOneDecimal(report.waitProbability)],
    [`service level (${report.thresholdSeconds}s)`, percentOneDecimal(report.serviceLevel)],
    ['average speed of answer', secs(report.asaSeconds)],
    ['occupancy', percentOneDecimal(report.occupancy)],
  ];
  if (report.abandonProbability !== undefined) rows.push(['abandonment', percentOneDecimal(report.abandonProbability)]);
  rows.push([`positions (${percentOneDecimal(report.shrinkage)} shrinkage)`, String(report.positions)]);
  return rows;
}

const curveRows = (curve: StaffingLevel[]): string[][] =>
  curve.map((l) => [String(l.agents), percentOneDecimal(l.serviceLevel), secs(l.asaSeconds), percentOneDecimal(l.occupancy)]);
const CURVE_HEAD = ['agents', 'service level', 'ASA', 'occupancy'];

export function renderErlang(report: ErlangReport, format: 'table' | 'json' | 'csv' | 'markdown', chalk: ChalkInstance): string {
  if (format === 'json') return toJson(erlangJson(report));
  if (format === 'csv') {
    const flat = Object.entries(erlangJson(report)).filter(([key]) => key !== 'curve');
    return toDelimited([flat.map(([key]) => key), flat.map(([, value]) => value)], 'csv');
  }
  const summary = summaryRows(report);
  const curve = report.curve && report.curve.length > 1 ? curveRows(report.curve) : undefined;
  if (format === 'markdown') {
    const parts = [markdownTable(['measure', 'value'], summary)];
    if (curve) parts.push(markdownTable(CURVE_HEAD, curve));
    return parts.join('\n');
  }
  const parts = [renderTable({ head: ['measure', 'value'], rows: summary, chalk })];
  if (curve) parts.push(renderTable({ head: CURVE_HEAD, rows: curve, chalk }));
  return parts.join('\n');
}
