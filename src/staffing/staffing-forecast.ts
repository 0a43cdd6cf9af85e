import { roundTo } from '../model/format.js';
import { dayNumberToKey, startOfDayNumber, weekStartDayNumber } from '../model/time.js';
import type { BacktestScore } from './backtest.js';
import type { ExportProfile } from './export-profile.js';
import { planHiring, type Hire } from './hiring.js';
import { checkFirstReply, type ReplyCheck } from './reply-check.js';
import { forecastVolume, type VolumeForecast, type VolumeForecastOptions } from './volume-forecast.js';
import { weekRequirement, type StaffingParams, type WeekRequirement } from './week-requirement.js';

export interface StaffingForecastOptions extends Omit<VolumeForecastOptions, 'horizonDays'> {
  horizonWeeks: number;
  staffing: Omit<StaffingParams, 'liveShare' | 'liveHours' | 'asyncHours'>;
  fteCurrent: number;
  leadWeeks: number;
  rampWeeks: number;
  earlyAttrition: number;
  span: number;
  /** Which forecast the hiring plan follows: the point forecast or the interval's upper bound. */
  planOn: 'point' | 'high';
  /** Async first-reply target checked by simulation; skipped when absent. */
  replyTarget?: { seconds: number; share: number };
  tz: string;
}

export interface WeekRow {
  weekStart: string;
  volume: number;
  low: number;
  high: number;
  fteRequired: number;
  fteRequiredHigh: number;
  fteCurrent: number;
  gap: number;
  hireBy: string | null;
  leadsRequired: number;
}

export interface MonthRow {
  month: string;
  volume: number;
  low: number;
  high: number;
  /** The largest weekly requirement among weeks starting in the month. */
  fteRequired: number;
  fteRequiredHigh: number;
}

export interface StaffingForecast {
  history: { from: string; to: string; days: number };
  model: VolumeForecast['model'];
  backtest: BacktestScore[];
  evaluation: VolumeForecast['evaluation'];
  historyDaily: { date: string; volume: number }[];
  daily: { date: string; volume: number; low: number; high: number }[];
  weekly: WeekRow[];
  monthly: MonthRow[];
  hires: (Omit<Hire, 'neededFrom' | 'hireBy'> & { neededFrom: string; hireBy: string })[];
  offers: number;
  /** Productive agents per weekday (Monday first) × hour for the first full forecast week. */
  heatmap: { weekStart: string; agents: number[][] };
  firstReply: ReplyCheck | null;
  warnings: string[];
}

/** One plan week: its volume and the interval, and what the point and upper volumes require. */
interface PlanWeek {
  weekStart: number;
  volume: number;
  low: number;
  high: number;
  point: WeekRequirement;
  upper: WeekRequirement;
}

/** Volumes are shown to a tenth of a ticket, FTE to a hundredth. */
const volumeFigure = (x: number): number => roundTo(x, 1);
const fteFigure = (x: number): number => roundTo(x, 2);

export function forecastStaffing(profile: ExportProfile, options: StaffingForecastOptions): StaffingForecast {
  const { firstDay, counts } = profile.daily;
  const lastDay = firstDay + counts.length - 1;
  const firstWeek = weekStartDayNumber(lastDay + 1);
  // Whole weeks: the last one runs to its Sunday; the first may hold days already seen.
  const planEnd = weekStartDayNumber(lastDay + 7 * options.horizonWeeks) + 6;
  const volume = forecastVolume(firstDay, counts, { ...options, horizonDays: planEnd - lastDay });
  const dayValue = (day: number): { volume: number; low: number; high: number } => {
    if (day <= lastDay) {
      const seen = counts[day - firstDay] ?? 0;
      return { volume: seen, low: seen, high: seen };
    }
    return volume.daily[day - lastDay - 1]!;
  };

  const params: StaffingParams = {
    ...options.staffing,
    liveShare: profile.liveShare,
    liveHours: profile.liveHours,
    asyncHours: profile.asyncHours,
  };
  const cache = new Map<number, number>();
  const weeks: PlanWeek[] = [];
  for (let weekStart = firstWeek; weekStart <= planEnd; weekStart += 7) {
    let sum = 0;
    let low = 0;
    let high = 0;
    for (let d = weekStart; d < weekStart + 7; d++) {
      const v = dayValue(d);
      sum += v.volume;
      low += v.low;
      high += v.high;
    }
    weeks.push({ weekStart, volume: sum, low, high, point: weekRequirement(sum, params, cache), upper: weekRequirement(high, params, cache) });
  }

  const plan = planHiring({
    weeks: weeks.map((w) => ({ weekStart: w.weekStart, fteRequired: (options.planOn === 'high' ? w.upper : w.point).fte })),
    fteCurrent: options.fteCurrent,
    leadWeeks: options.leadWeeks,
    rampWeeks: options.rampWeeks,
    earlyAttrition: options.earlyAttrition,
    span: options.span,
    today: lastDay + 1,
  });

  // The heatmap and the reply check use the first week made only of forecast days.
  const nextWeek = weeks.find((w) => w.weekStart > lastDay) ?? weeks[0]!;
  const peak = weeks.reduce((a, b) => (b.volume > a.volume ? b : a));
  const firstReply = options.replyTarget ? replyCheckFor(peak, params, options) : null;

  return {
    history: { from: dayNumberToKey(firstDay), to: dayNumberToKey(lastDay), days: counts.length },
    model: volume.model,
    backtest: volume.backtest,
    evaluation: volume.evaluation,
    historyDaily: counts.map((v, i) => ({ date: dayNumberToKey(firstDay + i), volume: v })),
    daily: volume.daily.map((d) => ({ date: dayNumberToKey(d.day), volume: volumeFigure(d.volume), low: volumeFigure(d.low), high: volumeFigure(d.high) })),
    weekly: weeks.map((w, i) => {
      const hiring = plan.weeks[i]!;
      return {
        weekStart: dayNumberToKey(w.weekStart),
        volume: volumeFigure(w.volume),
        low: volumeFigure(w.low),
        high: volumeFigure(w.high),
        fteRequired: fteFigure(w.point.fte),
        fteRequiredHigh: fteFigure(w.upper.fte),
        fteCurrent: options.fteCurrent,
        gap: fteFigure(hiring.gap),
        hireBy: hiring.hireBy === null ? null : dayNumberToKey(hiring.hireBy),
        leadsRequired: hiring.leadsRequired,
      };
    }),
    monthly: monthRows(weeks),
    hires: plan.hires.map((h) => ({ ...h, neededFrom: dayNumberToKey(h.neededFrom), hireBy: dayNumberToKey(h.hireBy) })),
    offers: plan.offers,
    heatmap: {
      weekStart: dayNumberToKey(nextWeek.weekStart),
      agents: Array.from({ length: 7 }, (_, d) => nextWeek.point.hourly.slice(d * 24, d * 24 + 24).map((a) => Math.ceil(a - 1e-9))),
    },
    firstReply,
    warnings: volume.warnings,
  };
}

/** Weeks by the month they start in; volumes are summed unrounded and rounded once, so rounding errors do not add up. */
function monthRows(weeks: PlanWeek[]): MonthRow[] {
  const months = new Map<string, MonthRow>();
  for (const w of weeks) {
    const month = dayNumberToKey(w.weekStart).slice(0, 7);
    const row = months.get(month) ?? { month, volume: 0, low: 0, high: 0, fteRequired: 0, fteRequiredHigh: 0 };
    row.volume += w.volume;
    row.low += w.low;
    row.high += w.high;
    row.fteRequired = Math.max(row.fteRequired, w.point.fte);
    row.fteRequiredHigh = Math.max(row.fteRequiredHigh, w.upper.fte);
    months.set(month, row);
  }
  return [...months.values()].map((row) => ({
    ...row,
    volume: volumeFigure(row.volume),
    low: volumeFigure(row.low),
    high: volumeFigure(row.high),
    fteRequired: fteFigure(row.fteRequired),
    fteRequiredHigh: fteFigure(row.fteRequiredHigh),
  }));
}

function replyCheckFor({ weekStart, volume, point: week }: PlanWeek, params: StaffingParams, options: StaffingForecastOptions): ReplyCheck {
  return checkFirstReply({
    volume: volume * (1 - params.liveShare),
    hours: params.asyncHours,
    coverage: params.coverage,
    // The heatmap's whole agents, less those Erlang keeps on live channels.
    agents: week.hourly.map((a, h) => Math.ceil(a - 1e-9) - week.liveHourly[h]!),
    handleSeconds: params.asyncHandleSeconds,
    targetSeconds: options.replyTarget!.seconds,
    targetShare: options.replyTarget!.share,
    weekStart: startOfDayNumber(weekStart, options.tz) / 1000,
    tz: options.tz,
    seed: 1,
  });
}
