import { DEFAULT_CSAT_SATISFIED_FROM, DEFAULT_FIRST_REPLY_MINUTES } from '../metrics/defaults.js';
import type { CsatSatisfiedFrom } from '../metrics/types.js';
import { WEEKDAY_KEYS, WEEKDAY_NAMES } from '../model/time.js';
import type { Config } from './schema.js';

/**
 * Targets every comparison uses unless the config says otherwise. CSAT 80%, NPS 50, customer
 * churn at most 5%, MRR churn under 1% and negative net MRR churn are the source document's
 * targets (shared/DOMAIN.md §3); the first-reply, resolution, FCR and reopen figures are
 * csops's own starting points.
 */
export const DEFAULT_TARGETS = {
  firstReplyMinutes: DEFAULT_FIRST_REPLY_MINUTES,
  serviceLevel: 0.8,
  resolutionMinutes: 24 * 60,
  csat: 0.8,
  nps: 50,
  fcr: 0.7,
  reopenRate: 0.1,
  customerChurn: 0.05,
  mrrChurn: 0.01,
  netMrrChurn: 0,
  revenueConcentration: 0.8,
} as const;

export type ResolvedTargets = { -readonly [K in keyof typeof DEFAULT_TARGETS]: number };

/** The config's targets over the defaults. */
export function resolveTargets(config: Config): ResolvedTargets {
  const t = config.targets ?? {};
  return {
    firstReplyMinutes: t.firstReply ?? DEFAULT_TARGETS.firstReplyMinutes,
    serviceLevel: t.serviceLevel ?? DEFAULT_TARGETS.serviceLevel,
    resolutionMinutes: t.resolution ?? DEFAULT_TARGETS.resolutionMinutes,
    csat: t.csat ?? DEFAULT_TARGETS.csat,
    nps: t.nps ?? DEFAULT_TARGETS.nps,
    fcr: t.fcr ?? DEFAULT_TARGETS.fcr,
    reopenRate: t.reopenRate ?? DEFAULT_TARGETS.reopenRate,
    customerChurn: t.customerChurn ?? DEFAULT_TARGETS.customerChurn,
    mrrChurn: t.mrrChurn ?? DEFAULT_TARGETS.mrrChurn,
    netMrrChurn: t.netMrrChurn ?? DEFAULT_TARGETS.netMrrChurn,
    revenueConcentration: t.revenueConcentration ?? DEFAULT_TARGETS.revenueConcentration,
  };
}

/** The lowest score counted satisfied on each numeric CSAT scale, for ticket ratings and survey answers alike: the config's, else DESIGN.md's. */
export function resolveCsatSatisfiedFrom(config: Config): CsatSatisfiedFrom {
  const from = config.surveys?.csatSatisfiedFrom;
  return {
    '1-5': from?.['1-5'] ?? DEFAULT_CSAT_SATISFIED_FROM['1-5'],
    '0-10': from?.['0-10'] ?? DEFAULT_CSAT_SATISFIED_FROM['0-10'],
  };
}

export const DEFAULT_MIN_SAMPLE = 20;
export const DEFAULT_TIME_ZONE = 'UTC';

/** Opening hours in the shape the report counts with; weekday 0 = Monday. */
export interface ResolvedBusinessHours {
  weekdays: number[];
  /** Minutes after midnight. */
  startMinutes: number;
  endMinutes: number;
  holidays: string[];
  /** e.g. "Mon–Fri 09:00–17:00". */
  label: string;
}

const clockMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The config's business hours over the default Monday–Friday 09:00–17:00. */
export function resolveBusinessHours(config: Config): ResolvedBusinessHours {
  const hours = config.businessHours ?? {};
  const weekdays = [...new Set((hours.days ?? WEEKDAY_KEYS.slice(0, 5)).map((d) => WEEKDAY_KEYS.indexOf(d)))].sort((a, b) => a - b);
  const start = hours.start ?? '09:00';
  const end = hours.end ?? '17:00';
  const consecutive = weekdays.every((d, i) => i === 0 || d === weekdays[i - 1]! + 1);
  const days = consecutive && weekdays.length > 2 ? `${WEEKDAY_NAMES[weekdays[0]!]}–${WEEKDAY_NAMES[weekdays.at(-1)!]}` : weekdays.map((d) => WEEKDAY_NAMES[d]).join(', ');
  return { weekdays, startMinutes: clockMinutes(start), endMinutes: clockMinutes(end), holidays: hours.holidays ?? [], label: `${days} ${start}–${end}` };
}
