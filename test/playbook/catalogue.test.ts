import { describe, expect, it } from 'vitest';
import { CATALOGUE, KEY_ITEMS, itemsForStage } from '../../src/playbook/catalogue.js';
import { CatalogueSchema, EVIDENCE_RULE_IDS, TEAM_RULE_IDS } from '../../src/playbook/schema.js';
import { STAGE_IDS } from '../../src/playbook/stages.js';

describe('catalogue', () => {
  it('passes its zod schema (kebab ids, one-line titles, consecutive stages)', () => {
    expect(CatalogueSchema.safeParse(CATALOGUE).error).toBeUndefined();
  });

  it('has unique ids', () => {
    const ids = CATALOGUE.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(STAGE_IDS)('stage %s has both do and dont items', (stage) => {
    const kinds = new Set(itemsForStage(stage).map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['do', 'dont']);
  });

  it.each(STAGE_IDS)('stage %s has three distinct key items that belong to it', (stage) => {
    const keys = KEY_ITEMS[stage];
    expect(new Set(keys).size).toBe(3);
    const ids = itemsForStage(stage).map((item) => item.id);
    for (const key of keys) expect(ids).toContain(key);
  });

  it('uses every evidence rule and every team rule at least once', () => {
    expect(new Set(CATALOGUE.flatMap((item) => item.evidence ?? []))).toEqual(new Set(EVIDENCE_RULE_IDS));
    expect(new Set(CATALOGUE.flatMap((item) => item.team ?? []))).toEqual(new Set(TEAM_RULE_IDS));
  });

  // Saved ticks in .csops/checklist.json refer to these ids: renaming one silently drops a tick.
  it('keeps its ids stable', () => {
    expect(CATALOGUE.map((item) => item.id)).toMatchSnapshot();
  });

  it('covers the scaling plan (§2) and the desk that grew (§5)', () => {
    const ids = new Set(CATALOGUE.map((item) => item.id));
    for (const id of [
      'document-workflows',
      'metrics-three-levels',
      'promote-by-delegation',
      'onboarding-with-shadowing',
      'hire-ahead',
      'training-before-solo',
      'post-shift-reports',
      'night-shift-specialist',
      'agent-levels',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('rejects a catalogue with a duplicate id or a gap in its stages', () => {
    const item = CATALOGUE[0]!;
    expect(CatalogueSchema.safeParse([item, item]).success).toBe(false);
    expect(CatalogueSchema.safeParse([{ ...item, stages: ['founding', 'middle'] }]).success).toBe(false);
  });
});
