import { describe, expect, it } from 'vitest';
import { evaluate, size } from '../../src/staffing/queue-model.js';

// Vectors A1–A3: /work/shared/research/staffing.md §3.1 (pyworkforce abandonment tests and guide).
const load = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, patienceSeconds: 300 };

describe('Erlang A', () => {
  it('A1: pyworkforce regression metrics at N = 14', () => {
    const level = evaluate(load, 14);
    expect(level.model).toBe('erlang-a');
    expect(level.waitProbability).toBeCloseTo(0.14526, 5);
    expect(level.abandonProbability).toBeCloseTo(0.013984, 6);
    expect(level.occupancy).toBeCloseTo(0.704297, 6);
    expect(level.asaSeconds / 60).toBeCloseTo(0.069919, 6);
    expect(level.serviceLevel).toBeCloseTo(0.916792, 6);
  });

  it('A2: sizing for 80 %, occupancy ≤ 0.85, abandonment ≤ 5 %, shrinkage 0.3 gives 13 raw, 19 positions', () => {
    const result = size(load, {
      target: { kind: 'service-level', target: 0.8 },
      maxOccupancy: 0.85,
      shrinkage: 0.3,
      maxAbandon: 0.05,
    });
    expect(result.agents).toBe(13);
    expect(result.positions).toBe(19);
    expect(result.serviceLevel.toFixed(3)).toBe('0.858');
    expect(result.occupancy.toFixed(3)).toBe('0.750');
    expect(result.abandonProbability!.toFixed(3)).toBe('0.025');
    expect(result.waitProbability.toFixed(3)).toBe('0.226');
    expect((result.asaSeconds / 60).toFixed(3)).toBe('0.125');
  });

  it.each([14, 15, 20, 25])('A3: very patient customers reproduce Erlang C at N = %i', (n) => {
    const patient = evaluate({ ...load, patienceSeconds: 1e6 * 60 }, n);
    const erlangC = evaluate({ ...load, patienceSeconds: undefined }, n);
    expect(Math.abs(patient.waitProbability - erlangC.waitProbability)).toBeLessThan(1e-4);
    expect(Math.abs(patient.occupancy - erlangC.occupancy)).toBeLessThan(1e-4);
    expect(Math.abs(patient.serviceLevel - erlangC.serviceLevel)).toBeLessThan(1e-3);
  });
});
