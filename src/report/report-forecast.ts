import { oneDecimal, plural } from '../model/format.js';
import type { TicketTable } from '../model/table.js';
import { dayNumber, dayNumberToKey } from '../model/time.js';
import { countByDay } from '../staffing/daily-counts.js';
import type { ModelName } from '../staffing/forecast-models.js';
import { forecastVolume, MIN_HISTORY_DAYS } from '../staffing/volume-forecast.js';

/**
 * The report's look ahead: daily created tickets for the four weeks after the period, from the
 * same backtested models as `csops forecast` (with its defaults), so the two never disagree.
 * Pure.
 */

/** Four weeks ahead, an 80% interval, the 8-week seasonal average among the candidates. */
export const REPORT_FORECAST = { horizonDays: 28, level: 0.8, averageWeeks: 8 } as const;

export interface ReportForecast {
  model: ModelName;
  chosenBy: 'backtest';
  /** Central coverage of the low..high interval. */
  level: number;
  daily: { date: string; volume: number; low: number; high: number }[];
}

/**
 * Forecasts from every ticket created before `end` (the period's exclusive end), also those
 * before the period: more history fits the weekly pattern better. Tickets count on their
 * `createdDay` (derive's, in `tz`). Quiet days at the end of the period count as zero. With less than four weeks of history there is no forecast, only a note
 * saying why: the flat-mean fallback of `csops forecast` has no weekly pattern to show.
 */
export function reportForecast(
  table: TicketTable,
  createdDay: Int32Array,
  tz: string,
  end: number,
): { forecast: ReportForecast | null; note: string | null } {
  const days: number[] = [];
  for (let row = 0; row < table.length; row++) if (table.createdAt[row]! < end) days.push(createdDay[row]!);
  const { firstDay, counts } = countByDay(days);
  if (counts.length > 0 && Number.isFinite(end)) {
    const lastDay = dayNumber(end, tz) - 1;
    while (firstDay + counts.length - 1 < lastDay) counts.push(0);
  }
  if (counts.length < MIN_HISTORY_DAYS) {
    return {
      forecast: null,
      note: `no volume forecast: ${plural(counts.length, 'day')} of tickets up to the end of the period, and a forecast needs ${MIN_HISTORY_DAYS} (two weeks to fit the weekly pattern, two to test it)`,
    };
  }
  const result = forecastVolume(firstDay, counts, { ...REPORT_FORECAST, events: [] });
  return {
    forecast: {
      model: result.model.name as ModelName,
      chosenBy: 'backtest',
      level: REPORT_FORECAST.level,
      daily: result.daily.map((d) => ({ date: dayNumberToKey(d.day), volume: oneDecimal(d.volume), low: oneDecimal(d.low), high: oneDecimal(d.high) })),
    },
    note: null,
  };
}
