/** The growth checklist: stages, catalogue, evidence rules and evaluation. Pure: no I/O. */
export { STAGES, STAGE_IDS, stageById, stageForHeadcount, nextStage, stageRange, type Stage, type StageId } from './stages.js';
export { AREAS, AREA_TITLES, KINDS, CatalogueSchema, type Area, type Kind, type ChecklistItem } from './schema.js';
export { CATALOGUE, KEY_ITEMS, itemsForStage } from './catalogue.js';
export {
  EVIDENCE_RULES,
  EVIDENCE_THRESHOLDS,
  type EvidenceFacts,
  type EvidenceResult,
  type EvidenceStatus,
  type EvidenceTargets,
  type ForecastFacts,
} from './evidence.js';
export { exportFacts, type ExportFacts } from './export-facts.js';
export {
  evaluateItem,
  evaluateStage,
  evaluateAll,
  checklistSummary,
  NO_EXPORT,
  type ChecklistRow,
  type ChecklistSummary,
  type EvaluationInput,
  type StageChecklist,
} from './evaluate.js';
export {
  ChecklistStateSchema,
  CHECKLIST_STATE_VERSION,
  emptyState,
  mergeState,
  toggleTick,
  setNote,
  type ChecklistState,
} from './state.js';
export { teamNote, leadsFor } from './team.js';
