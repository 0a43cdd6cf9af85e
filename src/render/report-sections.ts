import type { MetricSet } from '../metrics/types.js';
import { DASH, formatValue, oneDecimal, orDash, plural } from '../model/format.js';
import { lastDayOfPeriod, WEEKDAY_NAMES, weekHourLabel } from '../model/time.js';
import { STATUS_LABELS } from './checklist.js';
import type { Change, ReportData } from '../report/report-data.js';
import type { ReportForecast } from '../report/report-forecast.js';
import { sparkline } from './sparkline.js';

/**
 * The report page as format-neutral sections: the terminal and Markdown renderers lay out the
 * same facts, tables and blocks, so the two never disagree.
 */
export type Judgement = 'good' | 'bad' | undefined;

export interface Fact {
  label: string;
  value: string;
  /** A detail of the fact above it (the trend's figures): indented under it. */
  detail?: boolean;
  /** Against its target, when it has one: colours the terminal value. */
  judgement?: Judgement;
}

export interface SectionTable {
  head: string[];
  rows: (string | number)[][];
  alignRight: number[];
}

/** What a section is, for renderers that lay one out differently (the HTML draws the peak hours as a chart). */
export type SectionId =
  | 'period'
  | 'look-at'
  | 'first-reply'
  | 'resolution'
  | 'satisfaction'
  | 'backlog'
  | 'peak-hours'
  | 'channels'
  | 'agents'
  | 'customers'
  | 'growth-stage'
  | 'notes';

export interface Section {
  id: SectionId;
  title: string;
  facts: Fact[];
  tables: SectionTable[];
  /** Preformatted text (the heatmap, the sparkline), shown in a fixed-width font. */
  block?: string;
  bullets: string[];
}

const pct = (v: number | null | undefined): string => orDash(v, (x) => formatValue('share', x));
const dur = (v: number | null | undefined): string => orDash(v, (x) => formatValue('duration', x));
const num = (v: number | null | undefined): string => orDash(v, (x) => formatValue('number', x));
const judge = (ok: boolean | null): Judgement => (ok === null ? undefined : ok ? 'good' : 'bad');
/** The period as its first and last day: its `to` is exclusive (the start of the day after). */
export const periodDays = (period: ReportData['period']): { from: string; to: string } => ({
  from: orDash(period.from, (iso) => iso.slice(0, 10)),
  to: orDash(period.to, lastDayOfPeriod),
});

const section = (id: SectionId, title: string, parts: Partial<Omit<Section, 'id' | 'title'>>): Section => ({ id, title, facts: [], tables: [], bullets: [], ...parts });

/** A value with its change: relative for counts and times, in percentage points for shares. */
function signed(change: Change, format: (v: number) => string, points = false): string {
  if (change.current === null) return DASH;
  if (change.previous === null) return format(change.current);
  const delta = points ? (change.current - change.previous) * 100 : change.relative === null ? null : change.relative * 100;
  if (delta === null) return format(change.current);
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = points ? `${oneDecimal(Math.abs(delta))} pts` : `${Math.round(Math.abs(delta))}%`;
  return `${format(change.current)} (${sign}${size} vs ${format(change.previous)})`;
}

const SHADES = ['··', '░░', '▒▒', '▓▓', '██'];

/** Weekday × hour counts as shaded cells: empty cells are dots, the busiest cell is solid. */
export function heatmap(counts: readonly (readonly number[])[]): string {
  const max = Math.max(0, ...counts.flat());
  const header = `     ${Array.from({ length: 24 }, (_, h) => (h % 3 === 0 ? String(h).padStart(2, '0') : '  ')).join('')}`;
  const rows = counts.map((hours, d) => {
    const cells = hours.map((c) => (c === 0 || max === 0 ? SHADES[0] : SHADES[Math.max(1, Math.ceil((c / max) * (SHADES.length - 1)))]));
    return `${WEEKDAY_NAMES[d]}  ${cells.join('')}`;
  });
  return [header, ...rows, `     ·· none  ░░ few  ▒▒  ▓▓  ██ most (${max} tickets in one hour slot)`].join('\n');
}

/** The requester column appears only when the data carries it (csops report --show-requesters). */
function oldestOpenTable(open: ReportData['backlog']['oldestOpen']): SectionTable {
  const withRequester = open.some((o) => o.requester !== undefined);
  return {
    head: ['oldest open ticket', 'age', 'status', 'priority', 'group', ...(withRequester ? ['requester'] : [])],
    rows: open.map((o) => [o.id, dur(o.ageMinutes), o.status ?? DASH, o.priority ?? DASH, o.group ?? DASH, ...(withRequester ? [o.requester ?? DASH] : [])]),
    alignRight: [1],
  };
}

/** The forecast in one line: its mean per day and the mean bounds of its daily interval. */
function ahead(f: ReportForecast): Fact {
  const mean = (pick: (day: ReportForecast['daily'][number]) => number): number =>
    oneDecimal(f.daily.reduce((sum, day) => sum + pick(day), 0) / f.daily.length);
  return {
    label: `next ${plural(Math.round(f.daily.length / 7), 'week')}`,
    value: `~${mean((x) => x.volume)} created per day (${pct(f.level)} interval ${mean((x) => x.low)}–${mean((x) => x.high)} a day; ${f.model} model)`,
  };
}

const frtOf = (s: MetricSet) => s.firstReplyMinutes ?? s.firstReplyMinutesBusiness;
const resOf = (s: MetricSet) => s.fullResolutionMinutes ?? s.fullResolutionMinutesBusiness;

export function reportSections(d: ReportData): Section[] {
  const s = d.summary;
  const t = d.targets;
  const sections: Section[] = [];
  const days = periodDays(d.period);
  const files = d.usedSample ? `${d.input.files.join(', ')} (bundled sample)` : d.input.files.join(', ');
  sections.push(
    section('period', 'Period and volume', {
      facts: [
        { label: 'period', value: `${days.from} to ${days.to} (${plural(d.period.days, 'day')}, ${d.period.tz})` },
        { label: 'input', value: `${files}: ${d.input.format}, ${plural(d.input.tickets, 'ticket')}` },
        { label: 'created', value: `${s.created} (${num(s.createdPerDay)} per day)` },
        { label: 'solved', value: `${s.solved} (${num(s.solvedPerDay)} per day), ${s.unsolved} still open` },
        ...(d.forecast ? [ahead(d.forecast)] : []),
        ...(d.trend
          ? [
              { label: 'trend', value: d.trend.label },
              { label: 'created per day', value: signed(d.trend.createdPerDay, num), detail: true },
              { label: 'solved per day', value: signed(d.trend.solvedPerDay, num), detail: true },
              { label: 'first reply median', value: signed(d.trend.firstReplyMedian, dur), detail: true },
              { label: 'CSAT', value: signed(d.trend.csat, pct, true), detail: true },
            ]
          : [{ label: 'trend', value: 'no earlier period with tickets to compare with' }]),
      ],
      ...(d.daily.length > 1 ? { block: `created per day  ${sparkline(d.daily.map((x) => x.created))}\nsolved per day   ${sparkline(d.daily.map((x) => x.solved))}` } : {}),
    }),
  );
  sections.push(
    section('look-at', 'What to look at', {
      bullets:
        d.lookAt.length > 0
          ? d.lookAt.map((f) => `${f.metric}: ${f.value} (target ${f.target}); ${f.why}`)
          : [s.created === 0 ? 'No tickets in this period, so nothing to judge.' : 'Every metric that has data meets its target.'],
    }),
  );
  const frt = frtOf(s);
  const sl = s.serviceLevel;
  sections.push(
    section('first-reply', 'First reply', {
      facts: [
        { label: 'median', value: dur(frt?.median), judgement: judge(frt?.median == null ? null : frt.median <= t.firstReplyMinutes) },
        { label: 'p90', value: dur(frt?.p90) },
        {
          label: 'service level',
          value: sl?.rate == null ? DASH : `${pct(sl.rate)} within ${dur(sl.targetMinutes)} (target ${pct(t.serviceLevel)})${sl.basis === 'business' ? ', business hours' : ''}`,
          judgement: judge(sl?.rate == null ? null : sl.rate >= t.serviceLevel),
        },
        { label: 'unanswered', value: num(s.unanswered) },
      ],
    }),
  );
  const res = resOf(s);
  sections.push(
    section('resolution', 'Resolution and quality', {
      facts: [
        { label: 'resolution median', value: dur(res?.median), judgement: judge(res?.median == null ? null : res.median <= t.resolutionMinutes) },
        { label: 'resolution p90', value: dur(res?.p90) },
        { label: 'first-contact resolution', value: `${pct(s.fcr?.rate)} (target ${pct(t.fcr)})`, judgement: judge(s.fcr?.rate == null ? null : s.fcr.rate >= t.fcr) },
        { label: 'one-touch', value: pct(s.oneTouch?.rate) },
        { label: 'reopen rate', value: `${pct(s.reopenRate)} (target ≤ ${pct(t.reopenRate)})`, judgement: judge(s.reopenRate == null ? null : s.reopenRate <= t.reopenRate) },
      ],
    }),
  );
  sections.push(satisfaction(d));
  sections.push(
    section('backlog', 'Backlog', {
      facts: [
        { label: 'open at start', value: String(d.backlog.openAtStart) },
        { label: 'created − solved', value: `${d.backlog.created} − ${d.backlog.solved} = ${d.backlog.net > 0 ? '+' : ''}${d.backlog.net}`, judgement: judge(d.backlog.net <= 0) },
        { label: 'open at end', value: String(d.backlog.unsolvedAtEnd) },
      ],
      tables: d.backlog.oldestOpen.length ? [oldestOpenTable(d.backlog.oldestOpen)] : [],
    }),
  );
  sections.push(
    section('peak-hours', `Peak hours (${d.peakHours.tz})`, {
      block: heatmap(d.peakHours.counts),
      bullets: [
        ...d.peakHours.busiest.slice(0, 3).map((b) => `busiest: ${weekHourLabel(b.weekday, b.hour)}, ${plural(b.count, 'ticket')}`),
        ...(d.afterHours.share === null
          ? []
          : [`outside opening hours (${d.afterHours.hours}): ${pct(d.afterHours.share)} of created tickets (${d.afterHours.outside} of ${d.afterHours.created})`]),
      ],
    }),
  );
  if (d.channels.length) {
    sections.push(
      section('channels', 'Channels', {
        tables: [{ head: ['channel', 'created', 'share', 'first reply median', 'CSAT'], rows: d.channels.map((c) => [c.channel, c.created, pct(c.share), dur(c.firstReplyMedian), pct(c.csat)]), alignRight: [1, 2, 3, 4] }],
      }),
    );
  }
  if (d.agents.length) {
    sections.push(
      section('agents', 'Agents', {
        tables: [
          {
            head: ['agent', 'team', 'assigned', 'solved', 'solved/day', 'first reply', 'resolution', 'CSAT', 'flags'],
            rows: d.agents.map((a) => [a.agent, a.team ?? DASH, a.assigned, a.solved, num(a.solvedPerActiveDay), dur(a.firstReplyMedian), dur(a.fullResolutionMedian), pct(a.csat), a.flags.join('; ')]),
            alignRight: [2, 3, 4, 5, 6, 7],
          },
        ],
      }),
    );
  }
  if (d.accounts) sections.push(customers(d));
  if (d.checklist) sections.push(growthStage(d.checklist));
  if (d.notes.length) sections.push(section('notes', 'Notes', { bullets: d.notes }));
  return sections;
}

function growthStage(c: NonNullable<ReportData['checklist']>): Section {
  return section('growth-stage', `Growth stage: ${c.stage.title} (${c.stage.range})`, {
    facts: [{ label: 'focus', value: c.stage.focus }],
    bullets: [
      ...(c.unmet.length === 0
        ? ['Nothing in this stage’s checklist is shown unmet by the data.']
        : c.unmet.map((u) => `not met: ${u.title}${u.evidence ? ` (${u.evidence})` : ''}`)),
      ...(c.next ? [`next, ${c.next.title} (${c.next.range}): ${c.next.items.map((i) => `${i.title} [${STATUS_LABELS[i.status]}]`).join('; ')}`] : []),
    ],
  });
}

function satisfaction(d: ReportData): Section {
  const s = d.summary;
  const t = d.targets;
  const facts: Fact[] = [
    {
      label: 'CSAT',
      value: s.csat?.score == null ? DASH : `${pct(s.csat.score)} of ${s.csat.responses} ratings (target ${pct(t.csat)})`,
      judgement: judge(s.csat?.score == null ? null : s.csat.score >= t.csat),
    },
    { label: 'CSAT response rate', value: pct(s.csat?.responseRate) },
  ];
  const nps = d.surveys?.nps;
  if (nps) {
    facts.push({
      label: 'NPS',
      value: `${num(nps.score)} (${nps.promoters} promoters, ${nps.passives} passives, ${nps.detractors} detractors; target ${t.nps})`,
      judgement: judge(nps.score === null ? null : nps.score >= t.nps),
    });
  }
  const ces = d.surveys?.ces;
  if (ces) facts.push({ label: 'CES', value: `${num(ces.mean)} on ${ces.scale} (median ${num(ces.median)}, ${ces.responses} answers)` });
  const csat = d.surveys?.csat;
  if (csat) {
    facts.push({
      label: 'CSAT (surveys)',
      value: `${pct(csat.score)} satisfied (${csat.satisfiedFrom}+ on ${csat.scale}, ${csat.responses} answers)`,
      judgement: judge(csat.score === null ? null : csat.score >= t.csat),
    });
  }
  return section('satisfaction', 'Satisfaction', { facts });
}

function customers(d: ReportData): Section {
  const a = d.accounts!;
  const t = d.targets;
  const facts: Fact[] = [
    { label: 'months', value: `${a.firstMonth} to ${a.lastMonth}, ${plural(a.customers, 'paying customer')}` },
    { label: 're-purchase', value: `${pct(a.repurchase.customerRate)} bought again; ${num(a.repurchase.purchaseRate)} repeat purchases per customer` },
    { label: 'upsell ratio', value: `${num(a.upsell.ratio)} (${a.upsell.upgraded} upgraded, ${a.upsell.notUpgraded} did not)` },
  ];
  if (a.concentration) {
    facts.push({
      label: 'revenue concentration',
      value: `${pct(a.concentration.topShare)} of ${a.concentration.month} MRR from the top ${a.concentration.topCustomers} of ${a.concentration.customers} customers`,
      judgement: judge(!a.concentration.concentrated),
    });
  }
  if (a.monthly.length === 0) facts.push({ label: 'monthly figures', value: 'need two consecutive months of revenue' });
  const tables = [
    {
      head: ['month', 'customers', 'lost', 'churn', 'MRR start', 'MRR churn', 'expansion', 'net MRR churn'],
      rows: a.monthly.map((m) => [m.month, m.customersStart, m.customersLost, pct(m.customerChurn), num(m.mrrStart), pct(m.mrrChurn), pct(m.expansionRate), pct(m.netMrrChurn)]),
      alignRight: [1, 2, 3, 4, 5, 6, 7],
    },
  ];
  if (tables[0]!.rows.length === 0) tables.pop();
  if (a.plans.length > 0) {
    tables.push({ head: [`plan (${a.lastMonth})`, 'customers', 'MRR', 'share of MRR'], rows: a.plans.map((p) => [p.plan, p.customers, num(p.mrr), pct(p.share)]), alignRight: [1, 2, 3] });
  }
  if (d.support) {
    const row = (label: string, x: typeof d.support.churned) => [label, x.customers, x.tickets, num(x.ticketsPerCustomer), pct(x.csat.score)];
    tables.push({ head: [`customers (joined on ${d.support.joinedOn})`, 'customers', 'tickets', 'tickets each', 'CSAT'], rows: [row('churned', d.support.churned), row('retained', d.support.retained)], alignRight: [1, 2, 3, 4] });
  }
  return section('customers', `Customers (targets: churn ≤ ${pct(t.customerChurn)}, MRR churn < ${pct(t.mrrChurn)}, net MRR churn < ${pct(t.netMrrChurn)})`, { facts, tables });
}
