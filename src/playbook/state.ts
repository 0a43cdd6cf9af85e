import { z } from 'zod';
import type { ChecklistItem } from './schema.js';

/**
 * What the user saved about the checklist (`.csops/checklist.json`): ticks and notes per item,
 * and the company and team size the stage came from. Pure schema and merge logic; reading and
 * writing the file is the CLI's job (src/cli/checklist-state.ts).
 */
export const CHECKLIST_STATE_VERSION = 1;

/** The largest company or team size accepted: beyond any support team, below float trouble. */
export const MAX_PEOPLE = 10_000_000;

const size = z.int().min(1).max(MAX_PEOPLE);

export const ItemStateSchema = z.strictObject({
  ticked: z.boolean(),
  note: z.string().max(2000).optional(),
});
export type ItemState = z.infer<typeof ItemStateSchema>;

export const ChecklistStateSchema = z.strictObject({
  schemaVersion: z.literal(CHECKLIST_STATE_VERSION),
  company: z.strictObject({ headcount: size.optional(), team: size.optional() }).default({}),
  items: z.record(z.string(), ItemStateSchema).default({}),
});
export type ChecklistState = z.infer<typeof ChecklistStateSchema>;

export const emptyState = (): ChecklistState => ({ schemaVersion: CHECKLIST_STATE_VERSION, company: {}, items: {} });

/**
 * Aligns saved state with the current catalogue: entries for ids the catalogue no longer has
 * are dropped, and items added since the file was written start unticked.
 */
export function mergeState(state: ChecklistState, catalogue: readonly ChecklistItem[]): ChecklistState {
  const items: Record<string, ItemState> = {};
  for (const item of catalogue) items[item.id] = state.items[item.id] ?? { ticked: false };
  return { ...state, items };
}

export function toggleTick(state: ChecklistState, id: string): ChecklistState {
  const current = state.items[id] ?? { ticked: false };
  return { ...state, items: { ...state.items, [id]: { ...current, ticked: !current.ticked } } };
}

/** Sets or (with empty text) removes an item's note. */
export function setNote(state: ChecklistState, id: string, note: string): ChecklistState {
  const { note: _old, ...rest } = state.items[id] ?? { ticked: false };
  const text = note.trim();
  return { ...state, items: { ...state.items, [id]: text === '' ? rest : { ...rest, note: text } } };
}
