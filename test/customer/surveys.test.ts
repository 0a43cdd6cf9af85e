import { describe, expect, it } from 'vitest';
import { cesOf, npsOf, surveyCsatOf, surveyMetrics, type SurveyResponse } from '../../src/metrics/customer/surveys.js';

describe('NPS (promoters 9–10, passives 7–8, detractors 0–6; DOMAIN.md §3)', () => {
  it.each([
    // 6 promoters, 2 passives, 2 detractors of 10: (60% − 20%) = 40.
    [[10, 9, 9, 10, 8, 7, 6, 3, 9, 10], { promoters: 6, passives: 2, detractors: 2, score: 40 }],
    [[10, 10], { promoters: 2, passives: 0, detractors: 0, score: 100 }],
    [[0, 6], { promoters: 0, passives: 0, detractors: 2, score: -100 }],
    [[7, 8], { promoters: 0, passives: 2, detractors: 0, score: 0 }],
    // Boundaries: 6 is a detractor, 7 a passive, 9 a promoter.
    [[6, 7, 9], { promoters: 1, passives: 1, detractors: 1, score: 0 }],
  ])('%j', (scores, expected) => {
    expect(npsOf(scores)).toEqual({ responses: scores.length, ...expected });
  });
  it('is null without answers, never 0', () => {
    expect(npsOf([]).score).toBeNull();
  });
});

describe('CES on its declared scale', () => {
  it('reports mean, median and the mean placed between the scale ends', () => {
    // 7+6+5+2+6 = 26 → 5.2; sorted 2,5,6,6,7 → median 6; (5.2 − 1) / (7 − 1) = 0.7.
    const ces = cesOf([7, 6, 5, 2, 6], '1-7');
    expect(ces).toMatchObject({ scale: '1-7', responses: 5, mean: 5.2, median: 6 });
    expect(ces.normalized).toBeCloseTo(0.7, 12);
  });
  it.each([
    ['0-3', [3, 0], 0.5],
    ['0-5', [5, 5, 0, 0], 0.5],
    ['0-10', [10], 1],
  ] as const)('%s scale', (scale, scores, normalized) => {
    expect(cesOf([...scores], scale).normalized).toBe(normalized);
  });
});

describe('CSAT from surveys', () => {
  it('counts 4–5 of 5 as satisfied by default', () => {
    // 5,4,5,4 satisfied of 6.
    expect(surveyCsatOf([5, 4, 3, 5, 1, 4], '1-5', 4)).toEqual({ scale: '1-5', satisfiedFrom: 4, responses: 6, satisfied: 4, score: 4 / 6 });
  });
  it('takes a configured threshold on 0–10', () => {
    expect(surveyCsatOf([10, 9, 8, 7], '0-10', 9).score).toBe(0.5);
    expect(surveyCsatOf([10, 9, 8, 7], '0-10', 8).score).toBe(0.75);
  });
});

describe('surveyMetrics', () => {
  const at = Date.UTC(2024, 2, 1);
  const r = (type: SurveyResponse['type'], score: number): SurveyResponse => ({ type, score, at });
  it('splits answers by type and leaves unanswered kinds null', () => {
    const result = surveyMetrics([r('nps', 10), r('nps', 0), r('csat', 9)], { cesScale: '1-7', csatScale: '0-10' });
    expect(result.responses).toBe(3);
    expect(result.nps?.score).toBe(0);
    expect(result.ces).toBeNull();
    expect(result.csat).toMatchObject({ satisfiedFrom: 9, satisfied: 1, score: 1 });
  });
});
