/**
 * Growth stages by company headcount (shared/DOMAIN.md §1). The source gives overlapping ranges
 * (0–5, 5–20, 20–100, 100–250, 250+); csops reads each as half-open, [from, to): a boundary
 * headcount belongs to the NEXT stage, so 5 is early, 20 middle, 100 growth and 250 scale.
 * That matches "250+" for the last stage and gives every headcount exactly one stage.
 */
export const STAGE_IDS = ['founding', 'early', 'middle', 'growth', 'scale'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export interface Stage {
  id: StageId;
  /** Smallest headcount in the stage. */
  from: number;
  /** First headcount of the next stage; null for the last stage. */
  to: number | null;
  title: string;
  /** What the company should be optimising for at this size. */
  focus: string;
}

export const STAGES: readonly Stage[] = [
  {
    id: 'founding',
    from: 0,
    to: 5,
    title: 'Founding',
    focus: 'Find product/market fit; every support conversation is product research.',
  },
  {
    id: 'early',
    from: 5,
    to: 20,
    title: 'Early',
    focus: 'A first person dedicated to customers, with the authority to push the rest of the company.',
  },
  {
    id: 'middle',
    from: 20,
    to: 100,
    title: 'Middle',
    focus: 'Lay foundations on purpose while support grows from one person to a team.',
  },
  {
    id: 'growth',
    from: 100,
    to: 250,
    title: 'Growth',
    focus: 'Unit economics and retention; proactive customer success next to reactive support.',
  },
  {
    id: 'scale',
    from: 250,
    to: null,
    title: 'Scale',
    focus: 'Put people and money where they return most, under cost pressure, with models and automation.',
  },
];

export function stageById(id: StageId): Stage {
  return STAGES.find((stage) => stage.id === id)!;
}

/** The stage a company of `headcount` people is in (a boundary belongs to the next stage). */
export function stageForHeadcount(headcount: number): Stage {
  return STAGES.find((stage) => headcount >= stage.from && (stage.to === null || headcount < stage.to))!;
}

/** The stage after `id`, or null after the last one. */
export function nextStage(id: StageId): Stage | null {
  return STAGES[STAGE_IDS.indexOf(id) + 1] ?? null;
}

/** "20–99 people" / "250+ people": the range as whole headcounts. */
export function stageRange(stage: Stage): string {
  return stage.to === null ? `${stage.from}+ people` : `${stage.from}–${stage.to - 1} people`;
}
