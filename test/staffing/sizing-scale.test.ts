import { describe, expect, it } from 'vitest';
import { erlangC, serviceLevel } from '../../src/staffing/erlang.js';
import { size } from '../../src/staffing/queue-model.js';

describe('Erlang C sizing of large loads', () => {
  it('sizes 83,333 Erlangs (1M calls an hour at 5 min): the occupancy cap decides, the curve stays short', () => {
    const load = { volume: 1_000_000, intervalSeconds: 3600, ahtSeconds: 300, thresholdSeconds: 20 };
    const sizing = size(load, { target: { kind: 'service-level', target: 0.8 }, maxOccupancy: 0.85, shrinkage: 0 });
    // At this scale the service level is met long before occupancy falls to 85 %: 83,333.3 / 0.85 → 98,040.
    expect(sizing.agents).toBe(98_040);
    expect(sizing.occupancy).toBeLessThanOrEqual(0.85);
    expect(sizing.curve).toHaveLength(12);
    expect(sizing.curve.at(-1)!.agents).toBe(98_040);
  });

  it('carries the Erlang B recursion exactly: every level equals a fresh evaluation', () => {
    const load = { volume: 350, intervalSeconds: 3600, ahtSeconds: 300, thresholdSeconds: 30 };
    const sizing = size(load, { target: { kind: 'service-level', target: 0.95 }, maxOccupancy: 1, shrinkage: 0 });
    for (const level of sizing.curve) {
      expect(level.waitProbability).toBeCloseTo(erlangC(level.agents, level.traffic), 12);
      expect(level.serviceLevel).toBeCloseTo(serviceLevel(level.agents, level.traffic, 300, 30), 12);
    }
  });
});
