import { DEFAULT_CSAT_SATISFIED_FROM } from '../defaults.js';
import { summarize } from '../percentile.js';

/**
 * Survey metrics (shared/DOMAIN.md §3): NPS from 0–10 answers, CES on its declared scale, and
 * CSAT as the share of satisfied answers. Pure: responses in, figures out.
 */

export const SURVEY_TYPES = ['nps', 'ces', 'csat'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

export const CES_SCALES = ['0-3', '0-5', '0-10', '1-7'] as const;
export type CesScale = (typeof CES_SCALES)[number];
export const CSAT_SCALES = ['1-5', '0-10'] as const;
export type CsatSurveyScale = (typeof CSAT_SCALES)[number];

export interface SurveyResponse {
  type: SurveyType;
  score: number;
  /** Epoch ms of the answer. */
  at: number;
  respondent?: string;
  ticketId?: string;
  comment?: string;
}

export interface Nps {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, −100..100. */
  score: number | null;
}

export interface Ces {
  scale: CesScale;
  responses: number;
  mean: number | null;
  median: number | null;
  /** The mean placed on 0..1 between the scale's ends, so scales can be compared. */
  normalized: number | null;
}

export interface SurveyCsat {
  scale: CsatSurveyScale;
  /** Lowest score counted as satisfied. */
  satisfiedFrom: number;
  responses: number;
  satisfied: number;
  score: number | null;
}

export interface SurveyMetrics {
  responses: number;
  nps: Nps | null;
  ces: Ces | null;
  csat: SurveyCsat | null;
}

export interface SurveyOptions {
  cesScale: CesScale;
  csatScale: CsatSurveyScale;
  /** Lowest satisfied CSAT score; default 4 on 1–5 and 9 on 0–10 (DESIGN.md). */
  csatSatisfiedFrom?: number;
}

/** The lowest and highest score a scale allows, e.g. '1-7' → [1, 7]. */
export function scaleBounds(scale: CesScale | CsatSurveyScale): [number, number] {
  const [low, high] = scale.split('-').map(Number) as [number, number];
  return [low, high];
}

/** NPS: promoters answer 9–10, passives 7–8, detractors 0–6. */
export function npsOf(scores: readonly number[]): Nps {
  let promoters = 0;
  let detractors = 0;
  for (const score of scores) {
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  const n = scores.length;
  return {
    responses: n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: n === 0 ? null : ((promoters - detractors) / n) * 100,
  };
}

export function cesOf(scores: readonly number[], scale: CesScale): Ces {
  const { count, mean, median } = summarize(scores);
  const [low, high] = scaleBounds(scale);
  return { scale, responses: count, mean, median, normalized: mean === null ? null : (mean - low) / (high - low) };
}

export function surveyCsatOf(scores: readonly number[], scale: CsatSurveyScale, satisfiedFrom: number): SurveyCsat {
  const satisfied = scores.filter((s) => s >= satisfiedFrom).length;
  return {
    scale,
    satisfiedFrom,
    responses: scores.length,
    satisfied,
    score: scores.length === 0 ? null : satisfied / scores.length,
  };
}

/** NPS, CES and CSAT of a set of survey answers; a kind nobody answered is null. */
export function surveyMetrics(responses: readonly SurveyResponse[], options: SurveyOptions): SurveyMetrics {
  const scores: Record<SurveyType, number[]> = { nps: [], ces: [], csat: [] };
  for (const r of responses) scores[r.type].push(r.score);
  const satisfiedFrom = options.csatSatisfiedFrom ?? DEFAULT_CSAT_SATISFIED_FROM[options.csatScale];
  return {
    responses: responses.length,
    nps: scores.nps.length ? npsOf(scores.nps) : null,
    ces: scores.ces.length ? cesOf(scores.ces, options.cesScale) : null,
    csat: scores.csat.length ? surveyCsatOf(scores.csat, options.csatScale, satisfiedFrom) : null,
  };
}
