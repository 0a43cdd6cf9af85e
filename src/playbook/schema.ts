import { z } from 'zod';
import { STAGE_IDS } from './stages.js';

/** The seven areas a checklist item belongs to; the screen and tables group by them. */
export const AREAS = ['process', 'channels', 'metrics', 'people', 'tools', 'customer-voice', 'culture'] as const;
export type Area = (typeof AREAS)[number];

export const AREA_TITLES: Record<Area, string> = {
  process: 'Process',
  channels: 'Channels',
  metrics: 'Metrics',
  people: 'People',
  tools: 'Tools',
  'customer-voice': 'Customer voice',
  culture: 'Culture',
};

export const KINDS = ['do', 'dont'] as const;
export type Kind = (typeof KINDS)[number];

/** Rules that judge an item from an export's metrics (and forecast/accounts facts); see evidence.ts. */
export const EVIDENCE_RULE_IDS = [
  'active-channels',
  'channel-mix',
  'survey-coverage',
  'volume-tracked',
  'categorised',
  'times-measured',
  'first-reply-target',
  'frt-trend',
  'agent-metrics',
  'metrics-levels',
  'agent-anomalies',
  'oldest-waiting',
  'peak-hours',
  'forecast-gap',
  'revenue-concentration',
] as const;
export type EvidenceRuleId = (typeof EVIDENCE_RULE_IDS)[number];

/** Rules driven by the support team's size (--team); see team.ts. */
export const TEAM_RULE_IDS = ['process-docs', 'specialise', 'span'] as const;
export type TeamRuleId = (typeof TEAM_RULE_IDS)[number];

/** Ids are kebab-case and never renamed: saved ticks in .csops/checklist.json refer to them. */
const itemId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case');
/** One line: product text shown in a table row. */
const oneLine = z.string().min(10).max(140).regex(/^[^\n]*$/, 'must be one line');

export const ChecklistItemSchema = z.strictObject({
  id: itemId,
  /** Stages the item applies to, in stage order; the first is where it is introduced. */
  stages: z.array(z.enum(STAGE_IDS)).min(1),
  area: z.enum(AREAS),
  kind: z.enum(KINDS),
  title: oneLine,
  why: z.string().min(10).max(300),
  evidence: z.enum(EVIDENCE_RULE_IDS).optional(),
  team: z.enum(TEAM_RULE_IDS).optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const CatalogueSchema = z.array(ChecklistItemSchema).superRefine((items, ctx) => {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate id ${item.id}` });
    seen.add(item.id);
    const order = item.stages.map((stage) => STAGE_IDS.indexOf(stage));
    if (order.some((position, i) => i > 0 && position !== order[i - 1]! + 1)) {
      ctx.addIssue({ code: 'custom', path: [index, 'stages'], message: 'stages must be consecutive, in order' });
    }
  }
});
