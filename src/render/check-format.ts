import { formatMinutes } from '../model/duration.js';
import type { MetricKind } from '../check/catalogue.js';

/** A value in the unit people read it in: 4.2h, 81.5%, 42. */
export function formatValue(kind: MetricKind, value: number | null): string {
  if (value === null) return '–';
  if (kind === 'duration') return formatMinutes(value);
  if (kind === 'share' || kind === 'signedShare') return `${Math.round(value * 1000) / 10}%`;
  return String(Math.round(value * 100) / 100);
}
