import { formatMinutes } from './duration.js';

/**
 * Small number and word formatters shared by the renderers and by the cores that write a line of
 * text themselves (queue verdicts, playbook evidence). Pure: no locale, no colour.
 */

/** Shown in place of a figure that has no value. */
export const DASH = '–';

/** `format(value)`, or the dash when there is no value. */
export const orDash = <T>(value: T | null | undefined, format: (value: T) => string): string =>
  value === null || value === undefined ? DASH : format(value);

/**
 * `x` to one decimal as a reader checking by hand rounds it: 7/20 = 0.35 → 0.4, where roundTo's
 * toFixed works on the stored binary value (0.3499…) and gives 0.3. For figures shown as text.
 */
export const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** `x` rounded to `digits` decimals, as a number (for JSON figures). */
export const roundTo = (x: number, digits: number): number => Number(x.toFixed(digits));

/** How a figure reads. duration: minutes (shown 4.2h); share: 0..1 (shown 81.5%); number: plain. */
export type ValueKind = 'duration' | 'share' | 'signedShare' | 'number';

/** A value in the unit people read it in: 4.2h, 81.5%, 42. */
export function formatValue(kind: ValueKind, value: number | null): string {
  if (value === null) return DASH;
  if (kind === 'duration') return formatMinutes(value);
  if (kind === 'share' || kind === 'signedShare') return `${Math.round(value * 1000) / 10}%`;
  return String(Math.round(value * 100) / 100);
}

/** A share as a percentage with one decimal: 0.8123 → "81.2%". */
export const percentOneDecimal = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A share as a whole percentage: 0.8123 → "81%". */
export const wholePercent = (share: number): string => `${Math.round(share * 100)}%`;

/** "1 day", "3 days"; `shown` is the count as printed (e.g. with thousands separators). */
export const plural = (n: number, word: string, shown = String(n)): string => `${shown} ${word}${n === 1 ? '' : 's'}`;
