import { formatValue, plural } from '../model/format.js';
import { escapeHtml } from './escape.js';
import { agentChart, dailyVolumeChart, firstReplyChart, forecastChart, heatmapChart } from './html-charts.js';
import type { ReportData } from '../report/report-data.js';
import { periodDays, reportSections, type Section } from './report-sections.js';

/**
 * The report as ONE self-contained HTML file: inline CSS and SVG, no script, no fonts or
 * images from the network, so it opens offline and can be mailed or attached to a CI run.
 */

const CSS = `
:root { color-scheme: light dark; --fg: #1d2433; --muted: #5b6578; --bg: #ffffff; --line: #d8dde6;
  --created: #3b6fd8; --solved: #2f9e6e; --late: #d0573b; --good: #2f7d4f; --bad: #b8322a; --forecast: #8a56c9; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3acbd; --bg: #151922; --line: #333a48; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 900px; padding: 24px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.sub { color: var(--muted); margin: 0 0 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dt { color: var(--muted); } dt.detail { padding-left: 1.2em; } dd { margin: 0; }
.good { color: var(--good); } .bad { color: var(--bad); font-weight: 600; }
table { border-collapse: collapse; margin: 8px 0; width: 100%; font-size: 0.92rem; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.look li { margin: 4px 0; } pre { font-size: 12px; line-height: 1.2; overflow-x: auto; }
figure { margin: 12px 0; } figcaption { color: var(--muted); font-size: 0.85rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg text { fill: var(--muted); font-size: 11px; } svg text.value { fill: var(--fg); }
svg .axis-line { stroke: var(--line); }
rect.created { fill: var(--created); } rect.solved { fill: var(--solved); }
rect.on-time { fill: var(--solved); } rect.late { fill: var(--late); }
rect.cell { fill: var(--created); } rect.agent { fill: var(--created); }
polyline.line { fill: none; stroke-width: 2; } polyline.history { stroke: var(--created); } polyline.forecast { stroke: var(--forecast); stroke-dasharray: 5 3; }
polygon.band { fill: var(--forecast); fill-opacity: 0.2; } line.divider { stroke-dasharray: 2 3; }
circle.history { fill: var(--created); } circle.forecast { fill: var(--forecast); }
.legend span { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; vertical-align: middle; }
`;

const figure = (chart: string, caption: string, legend = ''): string =>
  `<figure>${chart}<figcaption>${escapeHtml(caption)}${legend}</figcaption></figure>`;

function sectionHtml(s: Section): string {
  const parts: string[] = [`<section><h2>${escapeHtml(s.title)}</h2>`];
  if (s.facts.length) {
    parts.push('<dl>');
    for (const f of s.facts) {
      const detail = f.detail ? ' class="detail"' : '';
      parts.push(`<dt${detail}>${escapeHtml(f.label)}</dt><dd${f.judgement ? ` class="${f.judgement}"` : ''}>${escapeHtml(f.value)}</dd>`);
    }
    parts.push('</dl>');
  }
  if (s.bullets.length) parts.push(`<ul class="look">${s.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
  for (const t of s.tables) {
    const right = new Set(t.alignRight);
    const cell = (tag: string, v: string | number, i: number) => `<${tag}${right.has(i) ? ' class="num"' : ''}>${escapeHtml(String(v))}</${tag}>`;
    parts.push(
      `<table><thead><tr>${t.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>${t.rows
        .map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`)
        .join('')}</tbody></table>`,
    );
  }
  parts.push('</section>');
  return parts.join('');
}

export function reportHtml(data: ReportData): string {
  // The peak hours are drawn as a chart here, in place of their text heatmap.
  const sections = reportSections(data).filter((s) => s.id !== 'peak-hours');
  // Header and "what to look at" first, then the charts, then the detail sections.
  const [header, lookAt, ...rest] = sections.map(sectionHtml);
  const dur = (v: number) => formatValue('duration', v);
  const charts = [
    figure(dailyVolumeChart(data.daily), 'Tickets created and solved per day', ' <span class="legend"><span style="background:var(--created)"></span>created<span style="background:var(--solved)"></span>solved</span>'),
    ...(data.forecast
      ? [
          figure(
            forecastChart(data.daily, data.forecast),
            `Tickets created per day, then the forecast for the next ${data.forecast.daily.length} days (${data.forecast.model}); the band is the ${formatValue('share', data.forecast.level)} interval`,
            ' <span class="legend"><span style="background:var(--created)"></span>seen<span style="background:var(--forecast)"></span>forecast</span>',
          ),
        ]
      : []),
    figure(firstReplyChart(data.firstReplyHistogram, data.targets.firstReplyMinutes), `First reply times; red bars are at or beyond the ${dur(data.targets.firstReplyMinutes)} target`),
    figure(heatmapChart(data.peakHours.counts), `Tickets created by weekday and hour (${data.peakHours.tz}); darker is busier`),
    figure(agentChart('chart-agents-solved', 'Solved tickets per agent', data.agents, (a) => a.solved, (v) => String(v)), 'Solved tickets per agent'),
    figure(agentChart('chart-agents-first-reply', 'First reply median per agent', data.agents, (a) => a.firstReplyMedian, dur), 'First reply median per agent'),
  ];
  const { from, to } = periodDays(data.period);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Support report ${escapeHtml(from)} to ${escapeHtml(to)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>Support report</h1>
<p class="sub">${escapeHtml(from)} to ${escapeHtml(to)}, ${plural(data.period.days, 'day')}, ${escapeHtml(data.period.tz)}; made by csops</p>
${header ?? ''}
${lookAt ?? ''}
<section><h2>Charts</h2>${charts.join('\n')}</section>
${rest.join('\n')}
</body>
</html>
`;
}
