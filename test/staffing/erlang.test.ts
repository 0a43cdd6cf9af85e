import { describe, expect, it } from 'vitest';
import {
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  positionsWithShrinkage,
  serviceLevel,
} from '../../src/staffing/erlang.js';
import { evaluate, size, trafficOf } from '../../src/staffing/queue-model.js';

// Vectors: /work/shared/research/staffing.md §2 (sources named per row there).
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const relClose = (actual: number, expected: number, rel = 1e-7): void => {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(rel);
};

/** 100 contacts per 30 min at 3 min AHT: the A = 10 Erlang setting every peer tests with. */
const pyworkforceLoad = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 0.33 * 60 };

describe('Erlang B recursion (B1–B4)', () => {
  it('B1, B2: pyworkforce exact values', () => {
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
  });

  it('B3: A = 10, blocking ≤ 2 % needs 17 lines, 25 positions at 30 % shrinkage', () => {
    const traffic = trafficOf(pyworkforceLoad);
    expect(erlangB(16, traffic)).toBeGreaterThan(0.02);
    expect(erlangB(17, traffic)).toBeLessThanOrEqual(0.02);
    expect(positionsWithShrinkage(17, 0.3)).toBe(25);
  });

  it.each([
    [3600, 33],
    [1800, 58],
    [900, 107],
    [600, 154],
  ])('B4: 180 calls × 450 s over %i s at 1 %% blocking needs %i trunks', (interval, trunks) => {
    const traffic = (180 / interval) * 450;
    expect(erlangB(trunks - 1, traffic)).toBeGreaterThan(0.01);
    expect(erlangB(trunks, traffic)).toBeLessThanOrEqual(0.01);
  });
});

describe('Erlang C (C1–C8, C24)', () => {
  it.each([
    ['C1', 0.8, 0.85, 14, 20, 0.888, 0.714, 0.174],
    ['C2', 0.8, 0.7, 15, 22, 0.941, 0.667, 0.102],
    ['C3', 0.9, 0.85, 15, 22, 0.941, 0.667, 0.102],
  ])('%s: pyworkforce sizing for SL %f at max occupancy %f, shrinkage 0.3', (_id, target, maxOccupancy, raw, positions, sl, occ, pw) => {
    const result = size(pyworkforceLoad, { target: { kind: 'service-level', target }, maxOccupancy, shrinkage: 0.3 });
    expect([result.agents, result.positions]).toEqual([raw, positions]);
    expect([round3(result.serviceLevel), round3(result.occupancy), round3(result.waitProbability)]).toEqual([sl, occ, pw]);
  });

  it.each([
    [11, 0.6821182, 0.3896138, 122.78127684408, 0.9090909],
    [12, 0.4493882, 0.640158, 40.4449401868444, 0.8333333],
    [13, 0.2852705, 0.7955948, 17.1162271821896, 0.7692308],
    [14, 0.1741319, 0.88835002, 7.83593701177724, 0.71428571],
  ])('C4–C7: Damonsoul/ErlangC, A = 10, AHT 180 s, T = 20 s, N = %i', (n, pw, sl, asa, occ) => {
    const level = evaluate({ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 }, n);
    // Probabilities are printed to 7 decimals (so within half a unit of the 7th); ASA to 1e-7 relative.
    expect(level.waitProbability).toBeCloseTo(pw, 7);
    expect(level.serviceLevel).toBeCloseTo(sl, 7);
    expect(level.occupancy).toBeCloseTo(occ, 7);
    relClose(level.asaSeconds, asa);
  });

  it('C8: 80/20 sizing at max occupancy 0.85 and 30 % shrinkage gives 14 agents, 20 scheduled', () => {
    const result = size(
      { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 },
      { target: { kind: 'service-level', target: 0.8 }, maxOccupancy: 0.85, shrinkage: 0.3 },
    );
    expect([result.agents, result.positions]).toEqual([14, 20]);
    // The curve is the per-N table the R package prints: 11, 12, 13 fail, 14 meets 80 %.
    expect(result.curve.map((l) => l.agents)).toEqual([11, 12, 13, 14]);
  });

  it('C24: M/M/1 from R queueing, λ = 0.25, μ = 1/3: Pw = ρ = 0.75, Wq = 9', () => {
    expect(erlangC(1, 0.75)).toBeCloseTo(0.75, 12);
    expect(averageSpeedOfAnswer(1, 0.75, 3)).toBeCloseTo(9, 10);
  });

  it('stays stable where factorials overflow (A = 1000, N = 1050)', () => {
    // Reference: the research note's 50-digit evaluation, 0.07440177403742837.
    relClose(erlangC(1050, 1000), 0.07440177403742837, 1e-12);
  });

  it('sizes on average speed of answer', () => {
    const result = size(
      { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20 },
      { target: { kind: 'asa', targetSeconds: 20 }, maxOccupancy: 1, shrinkage: 0 },
    );
    // From C5–C6: ASA 40.4 s at 12 agents, 17.1 s at 13.
    expect(result.agents).toBe(13);
  });
});

describe('PRODYNA off-by-one values are rejected (research §2.3)', () => {
  it('B(200, 180) is not the B(199, 180) ≈ 0.012 the buggy loop returns', () => {
    expect(erlangB(200, 180).toFixed(3)).not.toBe('0.012');
    expect(erlangB(200, 180)).toBeCloseTo(0.010325, 6);
  });
  it('C(25, 20) is not 0.261', () => {
    expect(erlangC(25, 20).toFixed(3)).not.toBe('0.261');
    expect(erlangC(25, 20)).toBeCloseTo(0.209103, 6);
  });
  it('ASA for 25 agents, 200 calls / 30 min, 180 s is not 9.410 s', () => {
    const asa = averageSpeedOfAnswer(25, (200 / 1800) * 180, 180);
    expect(asa.toFixed(3)).not.toBe('9.410');
    expect(asa).toBeCloseTo(7.5277, 4);
  });
  it('SL for 25 agents, 200 calls / 60 min, 180 s, T = 60 s is not 0.9999992', () => {
    const sl = serviceLevel(25, (200 / 3600) * 180, 180, 60);
    expect(sl.toFixed(7)).not.toBe('0.9999992');
    expect(sl).toBeCloseTo(0.99999967, 8);
  });
});
