import { parseDurationSeconds } from '../model/duration.js';

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
