import { CATALOGUE, KEY_ITEMS, itemsForStage } from './catalogue.js';
import { EVIDENCE_RULES, type EvidenceFacts, type EvidenceStatus } from './evidence.js';
import type { Area, ChecklistItem, Kind } from './schema.js';
import { nextStage, stageById, STAGE_IDS, type Stage, type StageId } from './stages.js';
import type { ChecklistState } from './state.js';
import { teamNote } from './team.js';

/** One checklist line as every view shows it. */
export interface ChecklistRow {
  id: string;
  /** The stage the item is introduced in. */
  stage: StageId;
  stages: StageId[];
  area: Area;
  kind: Kind;
  title: string;
  why: string;
  status: EvidenceStatus;
  /** The number behind the status, or the team-size note; null when there is nothing to show. */
  evidence: string | null;
  ticked: boolean;
  note: string | null;
}

export interface EvaluationInput {
  /** Metrics and facts of an export; absent when no export was given. */
  evidence?: EvidenceFacts;
  /** Support headcount (--team) for the team-size rules. */
  team?: number;
  state?: ChecklistState;
}

/** What an evidence item says when there is no export to judge it from. */
export const NO_EXPORT = 'give an export to judge this from data';

export function evaluateItem(item: ChecklistItem, input: EvaluationInput): ChecklistRow {
  let status: EvidenceStatus = 'manual';
  let evidence: string | null = null;
  if (item.evidence) {
    const result = input.evidence ? EVIDENCE_RULES[item.evidence](input.evidence) : { status: 'unknown' as const, evidence: NO_EXPORT };
    status = result.status;
    evidence = result.evidence;
  } else if (item.team && input.team !== undefined) {
    evidence = teamNote(item.team, input.team);
  }
  const saved = input.state?.items[item.id];
  return {
    id: item.id,
    stage: item.stages[0]!,
    stages: [...item.stages],
    area: item.area,
    kind: item.kind,
    title: item.title,
    why: item.why,
    status,
    evidence,
    ticked: saved?.ticked ?? false,
    note: saved?.note ?? null,
  };
}

export interface StageChecklist {
  stage: Stage;
  rows: ChecklistRow[];
}

export const evaluateStage = (stage: StageId, input: EvaluationInput): StageChecklist => ({
  stage: stageById(stage),
  rows: itemsForStage(stage).map((item) => evaluateItem(item, input)),
});

/** Every stage, for the interactive screen. Each item is evaluated once and shared between stages. */
export function evaluateAll(input: EvaluationInput): StageChecklist[] {
  const rows = new Map(CATALOGUE.map((item) => [item.id, evaluateItem(item, input)]));
  return STAGE_IDS.map((id) => ({ stage: stageById(id), rows: itemsForStage(id).map((item) => rows.get(item.id)!) }));
}

export interface ChecklistSummary {
  stage: Stage;
  /** Items of the current stage the data shows are not met, in checklist order. */
  unmet: ChecklistRow[];
  /** The next stage and its three key items, or null at the last stage. */
  next: { stage: Stage; items: ChecklistRow[] } | null;
}

/**
 * What `csops report` shows of the checklist: the current stage, its evidence-based items
 * that are not met, and the three items that matter most in the next stage.
 */
export function checklistSummary(stage: StageId, input: EvaluationInput): ChecklistSummary {
  const current = evaluateStage(stage, input);
  const following = nextStage(stage);
  const byId = new Map(CATALOGUE.map((item) => [item.id, item]));
  return {
    stage: current.stage,
    unmet: current.rows.filter((row) => row.status === 'not-met'),
    next: following && {
      stage: following,
      items: KEY_ITEMS[following.id].map((id) => evaluateItem(byId.get(id)!, input)),
    },
  };
}
