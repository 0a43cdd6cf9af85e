/**
 * Small number and word formatters shared by the renderers and by the cores that write a line of
 * text themselves (queue verdicts, playbook evidence). Pure: no locale, no colour.
 */

/** `x` rounded to `digits` decimals, as a number (for JSON figures). */
export const roundTo = (x: number, digits: number): number => Number(x.toFixed(digits));

/** A share as a percentage with one decimal: 0.8123 → "81.2%". */
export const percentOneDecimal = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A share as a whole percentage: 0.8123 → "81%". */
export const wholePercent = (share: number): string => `${Math.round(share * 100)}%`;

/** "1 day", "3 days"; `shown` is the count as printed (e.g. with thousands separators). */
export const plural = (n: number, word: string, shown = String(n)): string => `${shown} ${word}${n === 1 ? '' : 's'}`;
