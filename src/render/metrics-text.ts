import type { ChalkInstance } from 'chalk';
import { formatMinutes } from '../model/duration.js';
import { DASH, oneDecimal, orDash, percentOneDecimal } from '../model/format.js';
import { lastDayOfPeriod, weekHourLabel } from '../model/time.js';
import type { Anomaly, DistributionSummary, MetricSet, MetricsResult } from '../metrics/types.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

const percent = (share: number | null | undefined): string => orDash(share, percentOneDecimal);
const decimal = (x: number | null): string => orDash(x, (v) => String(oneDecimal(v)));
const medianAndP90 = (d: DistributionSummary | null): string =>
  d === null || d.count === 0 ? DASH : `${formatMinutes(d.median)} / ${formatMinutes(d.p90)}`;
const ofCount = (share: number | null | undefined, count: number | undefined): string => orDash(share, (s) => `${percent(s)} of ${count}`);

/** "2024-03-01 … 2024-03-31 (31 days)": the period's `to` is exclusive, so the last day is the one before. */
function periodText(result: MetricsResult): string {
  const { from, to, days, tz } = result.period;
  if (from === null) return DASH;
  if (to === null) return `from ${from.slice(0, 10)} (${tz})`;
  return `${from.slice(0, 10)} … ${lastDayOfPeriod(to)} (${days} days, ${tz})`;
}

/** Label and value of each summary figure; business-hours rows only when the export has them. */
function summaryRows(result: MetricsResult): [string, string][] {
  const m = result.summary;
  const rows: [string, string][] = [
    ['Period', periodText(result)],
    ['Created', String(m.created)],
    ['Solved', String(m.solved)],
    ['Unsolved', String(m.unsolved)],
    ['Created per day', decimal(m.createdPerDay)],
    ['Solved per day', decimal(m.solvedPerDay)],
    ['Unanswered', orDash(m.unanswered, String)],
    ['First reply, median / p90', medianAndP90(m.firstReplyMinutes)],
  ];
  if (m.firstReplyMinutesBusiness) rows.push(['First reply (business hours), median / p90', medianAndP90(m.firstReplyMinutesBusiness)]);
  rows.push(['First resolution, median / p90', medianAndP90(m.firstResolutionMinutes)]);
  rows.push(['Full resolution, median / p90', medianAndP90(m.fullResolutionMinutes)]);
  if (m.fullResolutionMinutesBusiness) rows.push(['Full resolution (business hours), median / p90', medianAndP90(m.fullResolutionMinutesBusiness)]);
  rows.push(
    ['FCR (one reply, no reopen)', ofCount(m.fcr?.rate, m.fcr?.eligible)],
    ['One-touch (Zendesk Explore)', ofCount(m.oneTouch?.rate, m.oneTouch?.solved)],
    ['Reopen rate', percent(m.reopenRate)],
    ['CSAT', m.csat?.score == null ? DASH : `${percent(m.csat.score)} (${m.csat.responses} rated of ${m.csat.offered} surveyed)`],
    [
      'Service level',
      m.serviceLevel?.rate == null
        ? DASH
        : `${percent(m.serviceLevel.rate)} within ${formatMinutes(m.serviceLevel.targetMinutes)}${m.serviceLevel.basis === 'business' ? ' (business hours)' : ''}`,
    ],
  );
  return rows;
}

/** Columns of the group table; first reply and resolution on the variant the summary has. */
function groupTable(result: MetricsResult): { head: string[]; rows: string[][] } | null {
  const split = Object.keys(result.groups)[0];
  if (split === undefined) return null;
  const businessReply = result.summary.firstReplyMinutes === null && result.summary.firstReplyMinutesBusiness !== null;
  const businessResolution = result.summary.fullResolutionMinutes === null && result.summary.fullResolutionMinutesBusiness !== null;
  const reply = (m: MetricSet) => (businessReply ? m.firstReplyMinutesBusiness : m.firstReplyMinutes);
  const resolution = (m: MetricSet) => (businessResolution ? m.fullResolutionMinutesBusiness : m.fullResolutionMinutes);
  const bh = (business: boolean): string => (business ? ' (bh)' : '');
  const head = [
    split.split('/').join(' / '),
    'Created',
    'Solved',
    `First reply median${bh(businessReply)}`,
    `First reply p90${bh(businessReply)}`,
    `Resolution median${bh(businessResolution)}`,
    'FCR',
    'One-touch',
    'Reopens',
    'CSAT',
    'Service level',
  ];
  const cells = (label: string, m: MetricSet): string[] => [
    label,
    String(m.created),
    String(m.solved),
    formatMinutes(reply(m)?.median),
    formatMinutes(reply(m)?.p90),
    formatMinutes(resolution(m)?.median),
    percent(m.fcr?.rate),
    percent(m.oneTouch?.rate),
    percent(m.reopenRate),
    percent(m.csat?.score),
    percent(m.serviceLevel?.rate),
  ];
  return { head, rows: [...result.groups[split]!.map((row) => cells(row.key, row)), cells('All', result.summary)] };
}

const METRIC_NAMES: Record<Anomaly['metric'], string> = {
  firstReplyMedian: 'median first reply',
  fullResolutionMedian: 'median resolution',
  solvedPerActiveDay: 'solved per day worked',
};

function anomalyLine(a: Anomaly): string {
  const show = (x: number): string => (a.metric === 'solvedPerActiveDay' ? decimal(x) : formatMinutes(x));
  const against = a.reference === 'team' ? `team ${a.team}` : 'company';
  return `${a.agent}: ${METRIC_NAMES[a.metric]} ${show(a.value)} against ${show(a.referenceMedian)} for the ${against} (${a.direction}, z ${a.score.toFixed(1)})`;
}

/** Short lines under the tables: busiest hours, backlog, anomalies, volume correlations. */
function findings(result: MetricsResult): string[] {
  const lines: string[] = [];
  const { busiest } = result.peakHours;
  if (busiest.length > 0) {
    const cells = busiest.slice(0, 3).map((c) => `${weekHourLabel(c.weekday, c.hour)} (${c.count})`);
    lines.push(`Busiest hours (${result.peakHours.tz}): ${cells.join(', ')}`);
  }
  const b = result.backlog;
  if (b.days.length > 0) {
    lines.push(`Backlog: ${b.openAtStart} open at the start, ${b.created} created, ${b.solved} solved, ${b.unsolvedAtEnd} open at the end`);
  }
  for (const c of result.correlations) {
    if (c.pearson === null) continue;
    const what = c.y === 'firstReplyMedianMinutes' ? 'median first reply' : 'median resolution';
    lines.push(`Daily volume against ${what}: Pearson ${c.pearson.toFixed(2)}, Spearman ${c.spearman?.toFixed(2) ?? DASH} over ${c.n} days`);
  }
  for (const anomaly of result.agents.anomalies) lines.push(`Anomaly: ${anomalyLine(anomaly)}`);
  return lines;
}

/** The terminal view: summary table, group table with --by, findings and notes. */
export function metricsTable(result: MetricsResult, chalk: ChalkInstance): string {
  const parts = [renderTable({ head: ['Metric', 'Value'], rows: summaryRows(result), chalk, alignRight: [1] })];
  const groups = groupTable(result);
  if (groups) parts.push(renderTable({ ...groups, chalk }));
  const lines = findings(result);
  if (lines.length > 0) parts.push(lines.join('\n') + '\n');
  if (result.notes.length > 0) parts.push(`${chalk.bold('Notes')}\n${result.notes.map((n) => `- ${n}`).join('\n')}\n`);
  return parts.join('\n');
}

export function metricsMarkdown(result: MetricsResult): string {
  const parts = ['## Support metrics\n', markdownTable(['Metric', 'Value'], summaryRows(result))];
  const groups = groupTable(result);
  if (groups) parts.push(markdownTable(groups.head, groups.rows));
  const lines = findings(result);
  if (lines.length > 0) parts.push(lines.map((l) => `- ${l}`).join('\n') + '\n');
  if (result.notes.length > 0) parts.push(`### Notes\n\n${result.notes.map((n) => `- ${n}`).join('\n')}\n`);
  return parts.join('\n');
}
