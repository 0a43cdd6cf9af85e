import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { AREA_TITLES, AREAS, type Area } from '../playbook/schema.js';
import type { ChecklistRow } from '../playbook/evaluate.js';
import type { EvidenceStatus } from '../playbook/evidence.js';
import { stageRange, type Stage } from '../playbook/stages.js';
import { toJson } from './json.js';
import { markdownCell, markdownTable } from './markdown.js';

export const CHECKLIST_FORMATS = ['table', 'markdown', 'json'] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

/** One stage's checklist as the command shows it. */
export interface ChecklistView {
  stage: Stage;
  rows: ChecklistRow[];
  /** Ids of the stage's three most important items, most important first. */
  keyItems: readonly string[];
  /** Why this stage is shown: the company's own, another asked for, or the next one. */
  role: 'current' | 'other' | 'next';
}

export const STATUS_LABELS: Record<EvidenceStatus, string> = {
  met: 'met',
  'not-met': 'not met',
  unknown: 'unknown',
  manual: 'manual',
};

function statusColour(chalk: ChalkInstance, status: EvidenceStatus): (text: string) => string {
  switch (status) {
    case 'met':
      return chalk.green;
    case 'not-met':
      return chalk.red;
    case 'unknown':
      return chalk.yellow;
    case 'manual':
      return chalk.dim;
  }
}

export const kindLabel = (row: ChecklistRow): string => (row.kind === 'do' ? 'do' : "don't");
const tickBox = (row: ChecklistRow): string => (row.ticked ? '[x]' : '[ ]');

/** Rows grouped by area, in AREAS order, empty areas left out. */
export function byArea(rows: readonly ChecklistRow[]): [Area, ChecklistRow[]][] {
  return AREAS.map((area) => [area, rows.filter((row) => row.area === area)] as [Area, ChecklistRow[]]).filter(
    ([, group]) => group.length > 0,
  );
}

const ROLE_WORDS: Record<ChecklistView['role'], string> = {
  current: 'your stage',
  other: 'another stage',
  next: 'the next stage: prepare ahead',
};

function checklistHeading(view: ChecklistView): string {
  return `${view.stage.title} stage (${stageRange(view.stage)}), ${ROLE_WORDS[view.role]}`;
}

/** The three key items, numbered, one per line. */
function keyLines(view: ChecklistView): string[] {
  return view.keyItems.map((id, i) => `  ${i + 1}. ${view.rows.find((row) => row.id === id)?.title ?? id}`);
}

/** The JSON contract: schemaVersion 1, the stage and its items. */
function checklistJson(view: ChecklistView): string {
  return toJson({
    schemaVersion: 1,
    stage: { id: view.stage.id, from: view.stage.from, to: view.stage.to },
    role: view.role,
    keyItems: view.keyItems,
    items: view.rows.map((row) => ({
      id: row.id,
      stage: row.stage,
      stages: row.stages,
      area: row.area,
      kind: row.kind,
      title: row.title,
      why: row.why,
      status: row.status,
      evidence: row.evidence,
      ticked: row.ticked,
      note: row.note,
    })),
  });
}

function checklistMarkdown(view: ChecklistView): string {
  const key = keyLines(view).map((line) => line.replace(/^ {2}/, ''));
  const parts = [`## ${markdownCell(checklistHeading(view))}\n`, `${view.stage.focus}\n`, `Most important:\n\n${key.join('\n')}\n`];
  for (const [area, rows] of byArea(view.rows)) {
    parts.push(`### ${AREA_TITLES[area]}\n`);
    parts.push(
      markdownTable(
        ['Done', 'Kind', 'Item', 'Status', 'Evidence'],
        rows.map((row) => [tickBox(row), kindLabel(row), row.title, STATUS_LABELS[row.status], row.evidence ?? '']),
        [],
      ),
    );
  }
  return parts.join('\n');
}

/** Column widths for a terminal `width` wide; the item and evidence columns share what is left. */
function columnWidths(width: number): number[] {
  const fixed = [11, 7, 9];
  const borders = 3 * 5 + 1;
  const rest = Math.max(40, width - borders - fixed.reduce((a, b) => a + b, 0));
  const item = Math.ceil(rest * 0.55);
  return [fixed[0]!, fixed[1]!, item, fixed[2]!, rest - item];
}

function checklistTable(view: ChecklistView, chalk: ChalkInstance, width = 100): string {
  const table = new Table({
    head: ['Area', 'Kind', 'Item', 'Status', 'Evidence'].map((h) => chalk.bold(h)),
    style: { head: [], border: [] },
    colWidths: columnWidths(width),
    wordWrap: true,
  });
  for (const [area, rows] of byArea(view.rows)) {
    rows.forEach((row, i) => {
      const note = row.note ? ` (note: ${row.note})` : '';
      table.push([
        i === 0 ? AREA_TITLES[area] : '',
        kindLabel(row),
        `${tickBox(row)} ${row.title}${note}`,
        statusColour(chalk, row.status)(STATUS_LABELS[row.status]),
        row.evidence ?? '',
      ]);
    });
  }
  return [chalk.bold(checklistHeading(view)), view.stage.focus, 'Most important:', ...keyLines(view), table.toString()].join('\n') + '\n';
}

export function renderChecklist(view: ChecklistView, format: ChecklistFormat, chalk: ChalkInstance, width?: number): string {
  switch (format) {
    case 'json':
      return checklistJson(view);
    case 'markdown':
      return checklistMarkdown(view);
    case 'table':
      return checklistTable(view, chalk, width);
  }
}
