import type { ChalkInstance } from 'chalk';
import { orDash, percentOneDecimal, plural, roundTo } from '../model/format.js';
import { WEEKDAY_NAMES } from '../model/time.js';
import type { StaffingForecast } from '../staffing/staffing-forecast.js';
import { toDelimited } from './csv.js';
import { renderForecastChart } from './forecast-chart.js';
import { toJson } from './json.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

/** What `csops forecast` prints. */
export interface ForecastReport {
  input: unknown;
  result: StaffingForecast;
  /** Every input used, with where it came from (flag, measured, default). */
  assumptions: Record<string, { value: unknown; source: string }>;
  notes: string[];
}

/** The JSON contract of `csops forecast` (schemaVersion 1). */
function forecastJson({ input, result, assumptions, notes }: ForecastReport): Record<string, unknown> {
  return {
    schemaVersion: 1,
    input,
    history: result.history,
    model: result.model,
    backtest: result.backtest.map((s) => ({
      model: s.model,
      mase: roundTo(s.mase, 4),
      smape: roundTo(s.smape, 4),
      mape: s.mape === null ? null : roundTo(s.mape, 4),
    })),
    evaluation: result.evaluation,
    daily: result.daily,
    weekly: result.weekly,
    monthly: result.monthly,
    hiring: { hires: result.hires, offers: result.offers },
    heatmap: result.heatmap,
    firstReply: result.firstReply,
    assumptions,
    warnings: result.warnings,
    notes,
  };
}

const WEEK_HEAD = ['week', 'volume', 'low', 'high', 'FTE needed', 'FTE (high)', 'FTE now', 'gap', 'leads', 'hire by'];
const weekCells = (w: StaffingForecast['weekly'][number]): (string | number)[] => [
  w.weekStart, w.volume, w.low, w.high, w.fteRequired, w.fteRequiredHigh, w.fteCurrent, w.gap, w.leadsRequired, w.hireBy ?? '',
];

type Section = { title: string; head: string[]; rows: (string | number)[][] } | { title: string; text: string };

function sections({ result, assumptions, notes }: ForecastReport): Section[] {
  const chosen = result.model.name;
  const why =
    result.model.chosenBy === 'backtest'
      ? `lowest MASE in a backtest from ${plural(result.evaluation.folds, 'origin')} a week apart, ${result.evaluation.days} days ahead each`
      : result.model.chosenBy === 'flag'
        ? 'set by --model'
        : 'too little history for a model';
  const out: Section[] = [
    { title: 'Forecast', text: `history ${result.history.from} to ${result.history.to} (${result.history.days} days); model ${chosen}: ${why}` },
  ];
  if (result.backtest.length > 0) {
    out.push({
      title: 'Backtest (MASE < 1 beats repeating last week)',
      head: ['model', 'MASE', 'sMAPE', 'MAPE', ''],
      rows: result.backtest.map((s) => [
        s.model,
        s.mase.toFixed(3),
        s.smape.toFixed(3),
        orDash(s.mape, (mape) => mape.toFixed(3)),
        s.model === chosen ? 'chosen' : '',
      ]),
    });
  }
  out.push({ title: 'Per week', head: WEEK_HEAD, rows: result.weekly.map(weekCells) });
  out.push({
    title: 'Per month (weeks by their Monday)',
    head: ['month', 'volume', 'low', 'high', 'FTE needed', 'FTE (high)'],
    rows: result.monthly.map((m) => [m.month, m.volume, m.low, m.high, m.fteRequired, m.fteRequiredHigh]),
  });
  out.push({
    title: 'Hiring plan',
    text:
      result.hires.length === 0
        ? 'no hires needed within the horizon'
        : [
            ...result.hires.map(
              (h) => `seat ${h.seat}: open the position by ${h.hireBy}${h.late ? ' (already late)' : ''}, needed from ${h.neededFrom}`,
            ),
            `offers to make, allowing for early attrition: ${result.offers}`,
          ].join('\n'),
  });
  out.push({
    title: `Agents needed per hour, week of ${result.heatmap.weekStart}`,
    head: ['', ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))],
    rows: result.heatmap.agents.map((hours, d) => [WEEKDAY_NAMES[d]!, ...hours.map((a) => (a === 0 ? '·' : a))]),
  });
  if (result.firstReply) {
    const check = result.firstReply;
    out.push({
      title: 'Email/web first reply (simulated peak week)',
      text: `${percentOneDecimal(check.withinTarget)} of ${check.tickets} tickets answered within ${check.targetSeconds / 3600} staffed hours (target ${check.targetShare * 100}%): ${check.met ? 'met' : 'NOT met'}`,
    });
  }
  out.push({
    title: 'Assumptions',
    head: ['input', 'value', 'source'],
    rows: Object.entries(assumptions).map(([key, a]) => [key, JSON.stringify(a.value), a.source]),
  });
  if (notes.length > 0) out.push({ title: 'Notes', text: notes.map((n) => `- ${n}`).join('\n') });
  return out;
}

export function renderForecast(report: ForecastReport, format: 'table' | 'json' | 'csv' | 'markdown', chalk: ChalkInstance): string {
  if (format === 'json') return toJson(forecastJson(report));
  if (format === 'csv') return toDelimited([WEEK_HEAD, ...report.result.weekly.map(weekCells)], 'csv');
  const parts = sections(report).map((section) => {
    if (format === 'markdown') {
      return `## ${section.title}\n\n${'text' in section ? `${section.text}\n` : markdownTable(section.head, section.rows)}`;
    }
    return `${chalk.bold(section.title)}\n${'text' in section ? `${section.text}\n` : renderTable({ head: section.head, rows: section.rows, chalk })}`;
  });
  if (format === 'table') parts.splice(1, 0, renderForecastChart(report.result, chalk));
  return parts.join('\n');
}
