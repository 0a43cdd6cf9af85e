import { describe, expect, it } from 'vitest';
import { percentile, percentileSorted, summarize, summarizeInPlace } from '../../src/metrics/percentile.js';

describe('percentile (R type 7 / numpy default / Excel PERCENTILE.INC)', () => {
  // Expected values are numpy.percentile(values, p) with the default (linear) method.
  it.each([
    { values: [1, 2, 3, 4, 8], p: 50, expected: 3 },
    { values: [1, 2, 3, 4, 8], p: 90, expected: 6.4 },
    { values: [1, 2, 3, 4, 8], p: 95, expected: 7.2 },
    { values: [1, 2, 3, 4, 8], p: 0, expected: 1 },
    { values: [1, 2, 3, 4, 8], p: 100, expected: 8 },
    { values: [1, 2, 3, 4], p: 50, expected: 2.5 },
    { values: [10, 20], p: 25, expected: 12.5 },
    { values: [8, 4, 1, 3, 2], p: 90, expected: 6.4 },
    { values: [15, 20, 35, 40, 50], p: 40, expected: 29 },
    { values: [7], p: 90, expected: 7 },
    { values: [Number.NaN, 1, 2, 3, 4, 8, Number.NaN], p: 50, expected: 3 },
  ])('p$p of $values is $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('has no percentile of nothing', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([Number.NaN], 90)).toBeNull();
  });

  it('rejects a percentile outside 0–100', () => {
    expect(() => percentileSorted([1, 2], 101)).toThrow(RangeError);
    expect(() => percentileSorted([1, 2], Number.NaN)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('reports count, mean, median, p90 and p95', () => {
    expect(summarize([8, 1, 4, 2, 3])).toEqual({ count: 5, mean: 3.6, median: 3, p90: 6.4, p95: expect.closeTo(7.2, 12) });
  });

  it('gives one element as every statistic', () => {
    expect(summarize([42])).toEqual({ count: 1, mean: 42, median: 42, p90: 42, p95: 42 });
  });

  it('gives null statistics and a zero count for no values', () => {
    expect(summarize([])).toEqual({ count: 0, mean: null, median: null, p90: null, p95: null });
    expect(summarize(new Float64Array([Number.NaN, Number.NaN]))).toEqual({
      count: 0,
      mean: null,
      median: null,
      p90: null,
      p95: null,
    });
  });
});

/** The slow, obvious way: sort everything, then read the ranks. */
function bySorting(values: Float64Array) {
  const sorted = Float64Array.from(values).sort();
  return {
    count: sorted.length,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    median: percentileSorted(sorted, 50),
    p90: percentileSorted(sorted, 90),
    p95: percentileSorted(sorted, 95),
  };
}

describe('summarizeInPlace (linear-time selection)', () => {
  it('agrees with sorting on random data with many ties', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [1, 2, 3, 10, 101, 1000]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 20));
      const expected = bySorting(values);
      const actual = summarizeInPlace(values.slice());
      expect({ ...actual, mean: null }).toEqual({ ...expected, mean: null });
      expect(actual.mean).toBeCloseTo(expected.mean, 9);
    }
  });

  it('gives the pinned example', () => {
    expect(summarizeInPlace(new Float64Array([8, 1, 4, 2, 3]))).toMatchObject({ median: 3, p90: 6.4 });
  });
});

describe('summarizeInPlace on large inputs (radix pass)', () => {
  it.each([
    ['spread durations', (r: number) => Math.round(r * 10_000) / 7],
    ['few distinct values', (r: number) => Math.floor(r * 5)],
    ['negative and positive', (r: number) => (r - 0.5) * 1e6],
    ['one narrow range', (r: number) => 300 + r],
    // Whole numbers from 0 take the counting path.
    ['whole minutes', (r: number) => Math.floor(r * r * 40_000)],
    ['whole minutes, mostly zero', (r: number) => (r < 0.8 ? 0 : Math.floor(r * 90))],
  ])('agrees with sorting: %s', (_name, shape) => {
    let seed = 11;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Float64Array.from({ length: 9000 + Math.floor(random() * 70_000) }, () => shape(random()));
    const expected = bySorting(values);
    const actual = summarizeInPlace(values.slice());
    expect(actual.count).toBe(expected.count);
    expect(actual.mean).toBeCloseTo(expected.mean, 6);
    expect([actual.median, actual.p90, actual.p95]).toEqual([expected.median, expected.p90, expected.p95]);
  });
});

describe('summarizeInPlace on whole numbers with one the counting path cannot take', () => {
  it.each([12.5, 5_000_000, -3, 2 ** 31])('agrees with sorting with %s among them', (odd) => {
    let seed = 5;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Float64Array.from({ length: 20_000 }, () => Math.floor(random() * 3000));
    values[12_345] = odd;
    const expected = bySorting(values);
    const actual = summarizeInPlace(values.slice());
    expect([actual.median, actual.p90, actual.p95]).toEqual([expected.median, expected.p90, expected.p95]);
  });
});
