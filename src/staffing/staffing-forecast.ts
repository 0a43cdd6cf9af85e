import { dayNumberToKey, MS, wallClockToEpoch, weekStartDayNumber } from '../model/time.js';
import type { BacktestScore } from './backtest.js';
import type { ExportProfile } from './export-profile.js';
import { planHiring, type Hire } from './hiring.js';
import { checkFirstReply, type ReplyCheck } from './reply-check.js';
import { forecastVolume, type VolumeForecast, type VolumeForecastOptions } from './volume-forecast.js';
import { weekRequirement, type StaffingParams } from './week-requirement.js';

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

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

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
  const weeks: { weekStart: number; volume: number; low: number; high: number; point: number; upper: number }[] = [];
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
    const point = weekRequirement(sum, params, cache).fte;
    const upper = weekRequirement(high, params, cache).fte;
    weeks.push({ weekStart, volume: sum, low, high, point, upper });
  }

  const plan = planHiring({
    weeks: weeks.map((w) => ({ weekStart: w.weekStart, fteRequired: options.planOn === 'high' ? w.upper : w.point })),
    fteCurrent: options.fteCurrent,
    leadWeeks: options.leadWeeks,
    rampWeeks: options.rampWeeks,
    earlyAttrition: options.earlyAttrition,
    span: options.span,
    today: lastDay + 1,
  });

  // The heatmap and the reply check use the first week made only of forecast days.
  const nextWeek = weeks.find((w) => w.weekStart > lastDay) ?? weeks[0]!;
  const next = weekRequirement(nextWeek.volume, params, cache);
  const peak = weeks.reduce((a, b) => (b.volume > a.volume ? b : a));
  const firstReply = options.replyTarget ? replyCheckFor(peak.weekStart, peak.volume, params, options) : null;

  return {
    history: { from: dayNumberToKey(firstDay), to: dayNumberToKey(lastDay), days: counts.length },
    model: volume.model,
    backtest: volume.backtest,
    evaluation: volume.evaluation,
    historyDaily: counts.map((v, i) => ({ date: dayNumberToKey(firstDay + i), volume: v })),
    daily: volume.daily.map((d) => ({ date: dayNumberToKey(d.day), volume: round1(d.volume), low: round1(d.low), high: round1(d.high) })),
    weekly: weeks.map((w, i) => {
      const hiring = plan.weeks[i]!;
      return {
        weekStart: dayNumberToKey(w.weekStart),
        volume: round1(w.volume),
        low: round1(w.low),
        high: round1(w.high),
        fteRequired: round2(w.point),
        fteRequiredHigh: round2(w.upper),
        fteCurrent: options.fteCurrent,
        gap: round2(hiring.gap),
        hireBy: hiring.hireBy === null ? null : dayNumberToKey(hiring.hireBy),
        leadsRequired: hiring.leadsRequired,
      };
    }),
    monthly: monthRows(weeks),
    hires: plan.hires.map((h) => ({ ...h, neededFrom: dayNumberToKey(h.neededFrom), hireBy: dayNumberToKey(h.hireBy) })),
    offers: plan.offers,
    heatmap: {
      weekStart: dayNumberToKey(nextWeek.weekStart),
      agents: Array.from({ length: 7 }, (_, d) => next.hourly.slice(d * 24, d * 24 + 24).map((a) => Math.ceil(a - 1e-9))),
    },
    firstReply,
    warnings: volume.warnings,
  };
}

function monthRows(weeks: { weekStart: number; volume: number; low: number; high: number; point: number; upper: number }[]): MonthRow[] {
  const months = new Map<string, MonthRow>();
  for (const w of weeks) {
    const month = dayNumberToKey(w.weekStart).slice(0, 7);
    const row = months.get(month) ?? { month, volume: 0, low: 0, high: 0, fteRequired: 0, fteRequiredHigh: 0 };
    row.volume = round1(row.volume + w.volume);
    row.low = round1(row.low + w.low);
    row.high = round1(row.high + w.high);
    row.fteRequired = Math.max(row.fteRequired, round2(w.point));
    row.fteRequiredHigh = Math.max(row.fteRequiredHigh, round2(w.upper));
    months.set(month, row);
  }
  return [...months.values()];
}

function replyCheckFor(weekStart: number, volume: number, params: StaffingParams, options: StaffingForecastOptions): ReplyCheck {
  const week = weekRequirement(volume, params);
  const date = new Date(weekStart * MS.day);
  return checkFirstReply({
    volume: volume * (1 - params.liveShare),
    hours: params.asyncHours,
    coverage: params.coverage,
    // The heatmap's whole agents, less those Erlang keeps on live channels.
    agents: week.hourly.map((a, h) => Math.ceil(a - 1e-9) - week.liveHourly[h]!),
    handleSeconds: params.asyncHandleSeconds,
    targetSeconds: options.replyTarget!.seconds,
    targetShare: options.replyTarget!.share,
    weekStart: wallClockToEpoch(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), 0, 0, 0, options.tz) / 1000,
    tz: options.tz,
    seed: 1,
  });
}
