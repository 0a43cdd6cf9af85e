import type { CsatSatisfiedFrom } from './types.js';

/**
 * Metric defaults DESIGN.md fixes, kept in the pure core so the metrics need nothing from the
 * config layer; src/config/defaults.ts builds its resolved defaults on these.
 */

/** First reply target in minutes (1 h). */
export const DEFAULT_FIRST_REPLY_MINUTES = 60;

/** Lowest score that counts as satisfied, per numeric CSAT scale: 4–5 of 1–5, 9–10 of 0–10. */
export const DEFAULT_CSAT_SATISFIED_FROM: Readonly<CsatSatisfiedFrom> = { '1-5': 4, '0-10': 9 };
