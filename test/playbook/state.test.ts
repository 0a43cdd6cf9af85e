import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/playbook/catalogue.js';
import { ChecklistStateSchema, emptyState, mergeState, setNote, toggleTick } from '../../src/playbook/state.js';

describe('checklist state', () => {
  it('drops ids the catalogue no longer has and starts new items unticked', () => {
    const saved = ChecklistStateSchema.parse({
      schemaVersion: 1,
      items: { 'one-official-channel': { ticked: true, note: 'shared inbox' }, 'retired-item': { ticked: true } },
    });
    const merged = mergeState(saved, CATALOGUE);
    expect(Object.keys(merged.items)).toEqual(CATALOGUE.map((item) => item.id));
    expect(merged.items['one-official-channel']).toEqual({ ticked: true, note: 'shared inbox' });
    expect(merged.items['hire-ahead']).toEqual({ ticked: false });
    expect(merged.items['retired-item']).toBeUndefined();
  });

  it('rejects another schema version and unknown keys', () => {
    expect(ChecklistStateSchema.safeParse({ schemaVersion: 2, items: {} }).success).toBe(false);
    expect(ChecklistStateSchema.safeParse({ schemaVersion: 1, items: { a: { ticked: 'yes' } } }).success).toBe(false);
    expect(ChecklistStateSchema.safeParse({ schemaVersion: 1, extra: 1 }).success).toBe(false);
  });

  it('toggles ticks and sets or clears notes without touching other items', () => {
    let state = toggleTick(emptyState(), 'hire-ahead');
    expect(state.items['hire-ahead']).toEqual({ ticked: true });
    state = setNote(state, 'hire-ahead', '  two roles open ');
    expect(state.items['hire-ahead']).toEqual({ ticked: true, note: 'two roles open' });
    state = toggleTick(setNote(state, 'hire-ahead', ''), 'hire-ahead');
    expect(state.items['hire-ahead']).toEqual({ ticked: false });
    expect(Object.keys(state.items)).toEqual(['hire-ahead']);
  });
});
