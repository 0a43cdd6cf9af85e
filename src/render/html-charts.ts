import type { AgentRow, HistogramBin } from '../report/report-data.js';
import type { ReportForecast } from '../report/report-forecast.js';
import type { BacklogDay } from '../metrics/types.js';
import { formatValue, oneDecimal } from '../model/format.js';
import { escapeHtml } from './escape.js';
import { WEEKDAY_NAMES, weekHourLabel } from '../model/time.js';

/**
 * Inline SVG charts for the HTML report. Every data mark is a `<rect class="mark …">` with a
 * `<title>` tooltip, so the page needs no script and tests can count marks.
 */

const r1 = (x: number): string => String(oneDecimal(x));

function svg(id: string, label: string, width: number, height: number, body: string, description?: string): string {
  const desc = description === undefined ? '' : `<desc>${escapeHtml(description)}</desc>`;
  return `<svg id="${id}" class="chart" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(label)}</title>${desc}${body}</svg>`;
}

const rect = (cls: string, x: number, y: number, w: number, h: number, tip: string, extra = ''): string =>
  `<rect class="mark ${cls}" x="${r1(x)}" y="${r1(y)}" width="${r1(Math.max(w, 0))}" height="${r1(Math.max(h, 0))}"${extra}><title>${escapeHtml(tip)}</title></rect>`;

const text = (x: number, y: number, content: string, anchor = 'start', cls = 'axis'): string =>
  `<text class="${cls}" x="${r1(x)}" y="${r1(y)}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;

/** Created and solved per day as paired bars. */
export function dailyVolumeChart(days: readonly BacklogDay[]): string {
  const width = 760;
  const height = 220;
  const left = 36;
  const bottom = 24;
  const plotH = height - bottom - 10;
  const max = Math.max(1, ...days.flatMap((d) => [d.created, d.solved]));
  const step = (width - left) / Math.max(days.length, 1);
  const bar = Math.max(step / 2 - 1, 0.5);
  const parts: string[] = [
    `<line class="axis-line" x1="${left}" y1="${10 + plotH}" x2="${width}" y2="${10 + plotH}"/>`,
    text(left - 4, 14, String(max), 'end'),
    text(left - 4, 10 + plotH, '0', 'end'),
  ];
  days.forEach((d, i) => {
    const x = left + i * step;
    const hc = (d.created / max) * plotH;
    const hs = (d.solved / max) * plotH;
    parts.push(rect('created', x, 10 + plotH - hc, bar, hc, `${d.date}: ${d.created} created`));
    parts.push(rect('solved', x + bar, 10 + plotH - hs, bar, hs, `${d.date}: ${d.solved} solved`));
    if (i % Math.ceil(days.length / 8) === 0) parts.push(text(x, height - 6, d.date.slice(5)));
  });
  return svg('chart-daily', 'Tickets created and solved per day', width, height, parts.join(''));
}

/** How long customers waited for a first reply, in buckets. */
export function firstReplyChart(bins: readonly HistogramBin[], targetMinutes: number): string {
  const width = 760;
  const height = 200;
  const bottom = 24;
  const plotH = height - bottom - 16;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const step = width / Math.max(bins.length, 1);
  const parts = bins.map((b, i) => {
    const h = (b.count / max) * plotH;
    const late = b.fromMinutes >= targetMinutes;
    return (
      rect(late ? 'late' : 'on-time', i * step + 4, 16 + plotH - h, step - 8, h, `${b.label}: ${b.count} tickets`) +
      text(i * step + step / 2, height - 6, b.label, 'middle') +
      text(i * step + step / 2, 12 + plotH - h, String(b.count), 'middle', 'value')
    );
  });
  return svg('chart-first-reply', `First reply time distribution (target ${formatValue('duration', targetMinutes)})`, width, height, parts.join(''));
}

/** Created tickets by weekday (rows) and hour (columns); darker is busier. */
export function heatmapChart(counts: readonly (readonly number[])[]): string {
  const cell = 28;
  const left = 40;
  const top = 18;
  const max = Math.max(1, ...counts.flat());
  const parts: string[] = [];
  for (let h = 0; h < 24; h += 3) parts.push(text(left + h * cell + cell / 2, 12, String(h).padStart(2, '0'), 'middle'));
  counts.forEach((hours, d) => {
    parts.push(text(left - 6, top + d * cell + cell * 0.65, WEEKDAY_NAMES[d]!, 'end'));
    hours.forEach((c, h) => {
      const opacity = c === 0 ? 0.04 : 0.15 + 0.85 * (c / max);
      parts.push(rect('cell', left + h * cell + 1, top + d * cell + 1, cell - 2, cell - 2, `${weekHourLabel(d, h)}: ${c} tickets`, ` fill-opacity="${Math.round(opacity * 100) / 100}"`));
    });
  });
  return svg('chart-heatmap', 'Tickets created by weekday and hour', left + 24 * cell + 4, top + 7 * cell + 4, parts.join(''));
}

/** One horizontal bar per agent for a value; agents without it are left out. */
export function agentChart(id: string, label: string, agents: readonly AgentRow[], pick: (a: AgentRow) => number | null, format: (v: number) => string): string {
  const rows = agents.map((a) => ({ name: a.agent, value: pick(a) })).filter((r): r is { name: string; value: number } => r.value !== null);
  const width = 760;
  const left = 160;
  const bar = 20;
  const height = rows.length * (bar + 6) + 8;
  const max = Math.max(1e-9, ...rows.map((r) => r.value));
  const parts = rows.map((r, i) => {
    const y = 4 + i * (bar + 6);
    const w = (r.value / max) * (width - left - 70);
    return text(left - 8, y + bar * 0.7, r.name, 'end') + rect('agent', left, y, w, bar, `${r.name}: ${format(r.value)}`) + text(left + w + 6, y + bar * 0.7, format(r.value), 'start', 'value');
  });
  return svg(id, label, width, Math.max(height, 30), parts.join(''));
}

/** Days of history drawn before the forecast: eight weeks, as in the terminal forecast chart. */
export const FORECAST_HISTORY_DAYS = 56;

const dot = (cls: string, x: number, y: number, tip: string): string =>
  `<circle class="mark ${cls}" cx="${r1(x)}" cy="${r1(y)}" r="2.5"><title>${escapeHtml(tip)}</title></circle>`;

/**
 * Daily created tickets as a line, then the forecast as a dashed line over its shaded interval.
 * Every day is a `<circle class="mark …">` with a tooltip, so tests can count days as marks.
 */
export function forecastChart(days: readonly BacklogDay[], forecast: ReportForecast): string {
  const width = 760;
  const height = 220;
  const left = 36;
  const top = 10;
  const bottom = 24;
  const plotH = height - bottom - top;
  const seen = days.slice(-FORECAST_HISTORY_DAYS);
  const total = seen.length + forecast.daily.length;
  const max = Math.max(1, ...seen.map((d) => d.created), ...forecast.daily.map((d) => d.high));
  const step = (width - left - 8) / Math.max(total - 1, 1);
  const x = (i: number): number => left + i * step;
  const y = (v: number): number => top + plotH - (v / max) * plotH;
  const points = (values: readonly number[], from: number): string => values.map((v, i) => `${r1(x(from + i))},${r1(y(v))}`).join(' ');
  const start = seen.length;
  const upper = forecast.daily.map((d, i) => `${r1(x(start + i))},${r1(y(d.high))}`);
  const lower = forecast.daily.map((d, i) => `${r1(x(start + i))},${r1(y(d.low))}`).reverse();
  const level = formatValue('share', forecast.level);
  const parts: string[] = [
    `<line class="axis-line" x1="${left}" y1="${top + plotH}" x2="${width}" y2="${top + plotH}"/>`,
    text(left - 4, top + 4, String(Math.round(max)), 'end'),
    text(left - 4, top + plotH, '0', 'end'),
    `<polygon class="band" points="${[...upper, ...lower].join(' ')}"><title>${escapeHtml(`${level} interval`)}</title></polygon>`,
    `<line class="axis-line divider" x1="${r1(x(start) - step / 2)}" y1="${top}" x2="${r1(x(start) - step / 2)}" y2="${top + plotH}"/>`,
    text(x(start), top + 10, 'forecast'),
    `<polyline class="line history" points="${points(seen.map((d) => d.created), 0)}"/>`,
    // The forecast line starts at the last day seen, so the two lines join.
    `<polyline class="line forecast" points="${points([...seen.slice(-1).map((d) => d.created), ...forecast.daily.map((d) => d.volume)], start - Math.min(start, 1))}"/>`,
  ];
  seen.forEach((d, i) => parts.push(dot('history', x(i), y(d.created), `${d.date}: ${d.created} created`)));
  forecast.daily.forEach((d, i) => parts.push(dot('forecast', x(start + i), y(d.volume), `${d.date}: ~${d.volume} forecast (${level} interval ${d.low}–${d.high})`)));
  const dates = [...seen.map((d) => d.date), ...forecast.daily.map((d) => d.date)];
  dates.forEach((date, i) => {
    if (i % Math.ceil(total / 8) === 0) parts.push(text(x(i), height - 6, date.slice(5), 'middle'));
  });
  return svg(
    'chart-forecast',
    `Tickets created per day and the ${forecast.daily.length}-day forecast`,
    width,
    height,
    parts.join(''),
    `${seen.length} days seen, then the ${forecast.model} forecast (chosen by ${forecast.chosenBy}) with its ${level} interval shaded`,
  );
}
