import { parseDurationSeconds } from '../model/duration.js';
import { isDayKey } from '../model/time.js';

/**
 * Readers for the staffing flags' value shapes. They return NaN (or undefined) for text they
 * cannot read, so the command decides how to word the error.
 */

/** `300s`, `5m`, `1.5h`: a unit is required, since AHT people think in seconds and intervals in minutes. */
export function durationWithUnit(text: string): number {
  return /[smhdw]\s*$/i.test(text.trim()) ? parseDurationSeconds(text) : Number.NaN;
}

/** `0.8`, `80%` or `80` (a bare number above 1 is a percentage) as a fraction. */
export function fraction(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === '%' || value > 1 ? value / 100 : value;
}

/** `80/60s` (share answered within a threshold) as a fraction and seconds. */
export function serviceLevelTarget(text: string): { target: number; thresholdSeconds: number } | undefined {
  const [share, threshold] = text.split('/');
  if (share === undefined || threshold === undefined) return undefined;
  const target = fraction(share);
  const thresholdSeconds = durationWithUnit(threshold);
  if (!(target > 0 && target < 1) || !(thresholdSeconds >= 0)) return undefined;
  return { target, thresholdSeconds };
}

const PERIOD_DAYS: Record<string, number> = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };

/** `8%/month`, `-2%/week`, `30%/year`: compound growth per period. */
export function growthRate(text: string): { rate: number; periodDays: number } | undefined {
  const match = /^\s*([+-]?\d+(?:\.\d+)?)\s*%\s*\/\s*(day|week|month|year)\s*$/i.exec(text);
  if (!match) return undefined;
  const rate = Number(match[1]) / 100;
  return rate > -1 ? { rate, periodDays: PERIOD_DAYS[match[2]!.toLowerCase()]! } : undefined;
}

/** `2025-03-10:+40%:2w` (length defaults to one day): a launch spike or a quiet holiday. */
export function volumeEvent(text: string): { date: string; change: number; days: number } | undefined {
  const match = /^\s*(\d{4}-\d{2}-\d{2})\s*:\s*([+-]?\d+(?:\.\d+)?)\s*%\s*(?::\s*(\S+))?\s*$/.exec(text);
  if (!match || !isDayKey(match[1]!)) return undefined;
  const change = Number(match[2]) / 100;
  const days = match[3] === undefined ? 1 : Math.round(parseDurationSeconds(match[3], 'd') / 86_400);
  return change > -1 && days >= 1 ? { date: match[1]!, change, days } : undefined;
}
