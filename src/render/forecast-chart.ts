import type { ChalkInstance } from 'chalk';
import { dayNumberToKey, keyToDayNumber, weekStartDayNumber } from '../model/time.js';
import type { StaffingForecast } from '../staffing/staffing-forecast.js';

const WIDTH = 40;
const HISTORY_WEEKS = 8;

interface Bar {
  label: string;
  volume: number;
  low: number;
  high: number;
  forecast: boolean;
}

/** Weekly totals of the last weeks seen, before the plan's first week. */
function historyBars(result: StaffingForecast): Bar[] {
  const planStart = result.weekly[0] ? keyToDayNumber(result.weekly[0].weekStart) : Infinity;
  const weeks = new Map<number, number>();
  for (const day of result.historyDaily) {
    const week = weekStartDayNumber(keyToDayNumber(day.date));
    if (week < planStart) weeks.set(week, (weeks.get(week) ?? 0) + day.volume);
  }
  return [...weeks.entries()]
    .slice(-HISTORY_WEEKS)
    .map(([week, volume]) => ({ label: dayNumberToKey(week), volume, low: volume, high: volume, forecast: false }));
}

/**
 * Weekly volume as horizontal bars: solid for weeks seen, then the forecast with its interval
 * (shaded from the low to the high bound), so the band is readable without colour.
 */
export function renderForecastChart(result: StaffingForecast, chalk: ChalkInstance): string {
  const bars: Bar[] = [
    ...historyBars(result),
    ...result.weekly.map((w) => ({ label: w.weekStart, volume: w.volume, low: w.low, high: w.high, forecast: true })),
  ];
  const top = Math.max(1, ...bars.map((b) => b.high));
  const cells = (x: number): number => Math.round((x / top) * WIDTH);
  const lines = bars.map((bar) => {
    const solid = cells(bar.forecast ? bar.low : bar.volume);
    const point = Math.max(solid, cells(bar.volume));
    const band = Math.max(point, cells(bar.high));
    const drawn = '█'.repeat(solid) + chalk.cyan('▓'.repeat(point - solid)) + chalk.dim('░'.repeat(band - point));
    const figures = bar.forecast ? `${Math.round(bar.volume)} (${Math.round(bar.low)}–${Math.round(bar.high)})` : `${Math.round(bar.volume)}`;
    return `${bar.label} ${bar.forecast ? '┆' : '│'}${drawn}${' '.repeat(WIDTH - band)} ${figures}`;
  });
  return `${chalk.bold('weekly tickets')} (│ seen, ┆ forecast: █ to the low bound, ▓ to the forecast, ░ to the high bound)\n${lines.join('\n')}\n`;
}
