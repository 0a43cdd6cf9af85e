import { describe, expect, it } from 'vitest';
import { nextStage, stageForHeadcount, stageRange, STAGES } from '../../src/playbook/stages.js';

describe('stageForHeadcount', () => {
  // DOMAIN.md §1 gives 0–5, 5–20, 20–100, 100–250, 250+; a boundary belongs to the next stage.
  it.each([
    [1, 'founding'],
    [4, 'founding'],
    [5, 'early'],
    [19, 'early'],
    [20, 'middle'],
    [50, 'middle'],
    [99, 'middle'],
    [100, 'growth'],
    [249, 'growth'],
    [250, 'scale'],
    [5000, 'scale'],
  ])('%i people → %s', (headcount, stage) => {
    expect(stageForHeadcount(headcount).id).toBe(stage);
  });

  it('gives the JSON contract range for 50 people', () => {
    const stage = stageForHeadcount(50);
    expect({ id: stage.id, from: stage.from, to: stage.to }).toEqual({ id: 'middle', from: 20, to: 100 });
  });

  it('leaves no gap between stages', () => {
    for (let i = 1; i < STAGES.length; i++) expect(STAGES[i]!.from).toBe(STAGES[i - 1]!.to);
  });

  it('names the next stage, none after scale', () => {
    expect(nextStage('middle')?.id).toBe('growth');
    expect(nextStage('scale')).toBeNull();
  });

  it('prints ranges as whole headcounts', () => {
    expect(STAGES.map(stageRange)).toEqual([
      '0–4 people',
      '5–19 people',
      '20–99 people',
      '100–249 people',
      '250+ people',
    ]);
  });
});
