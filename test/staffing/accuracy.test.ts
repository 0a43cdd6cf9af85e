import { describe, expect, it } from 'vitest';
import { mape, mase, meanAbsoluteError, naiveScale, smape } from '../../src/staffing/accuracy.js';

// M1–M3: /work/shared/research/staffing.md §5.3 (R Metrics and scorer example outputs, printed to 7 significant digits).
const actual = [1.1, 1.9, 3.0, 4.4, 5.0, 5.6];
const predicted = [0.9, 1.8, 2.5, 4.5, 5.0, 6.2];

describe('forecast accuracy', () => {
  it('M1: sMAPE as a fraction bounded by 2 (R Metrics::smape)', () => {
    expect(smape(actual, predicted)).toBeCloseTo(0.09333984, 8);
  });

  it('M2: MASE scaled by the step-1 naive error of the same series (R Metrics::mase)', () => {
    expect(mase(actual, predicted, naiveScale(actual, 1))).toBeCloseTo(0.2777778, 7);
  });

  it('M3: MAPE of 100:1 against 1:100 (R scorer::mape)', () => {
    const up = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(mape(up, [...up].reverse())).toBeCloseTo(3.849143, 6);
  });

  it('MAPE is undefined (null) when a day had no tickets', () => {
    expect(mape([4, 0, 2], [4, 1, 2])).toBeNull();
  });

  it('scores a perfect forecast as zero and treats 0 against 0 as exact', () => {
    expect(smape([0, 4], [0, 4])).toBe(0);
    expect(meanAbsoluteError([3, 5], [3, 5])).toBe(0);
  });

  it('seasonal scale is the mean change from the same weekday a week earlier', () => {
    const twoWeeks = [1, 2, 3, 4, 5, 6, 7, 3, 4, 5, 6, 7, 8, 9];
    expect(naiveScale(twoWeeks, 7)).toBe(2);
  });
});
