import { Box, render, Text, useApp, useInput, type Key } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { ChecklistRow, StageChecklist } from '../playbook/evaluate.js';
import { AREA_TITLES } from '../playbook/schema.js';
import { stageRange, type StageId } from '../playbook/stages.js';
import { setNote, toggleTick, type ChecklistState } from '../playbook/state.js';
import { byArea, kindLabel, STATUS_LABELS } from './checklist.js';

/**
 * The interactive checklist (TTY only): stages as collapsible sections grouped by area, the
 * company's stage expanded. ↑/↓ move, Enter/←/→ fold a stage, space ticks, d shows why and
 * evidence, / filters, n writes a note, q quits. Every change is handed to `onSave` at once.
 */
export interface ChecklistScreenProps {
  stages: StageChecklist[];
  /** The company's own stage, marked in its header; null when the headcount is unknown. */
  current: StageId | null;
  /** The stage open at the start. */
  expanded: StageId;
  initialState: ChecklistState;
  onSave: (state: ChecklistState) => void;
  /** Lines available for the list; the view scrolls around the cursor. */
  height?: number;
}

type Line =
  | { kind: 'stage'; stage: StageChecklist; open: boolean }
  | { kind: 'area'; title: string }
  | { kind: 'item'; row: ChecklistRow; stage: StageId };

type Mode = { kind: 'browse' } | { kind: 'filter'; text: string } | { kind: 'note'; id: string; text: string };

const STATUS_COLOURS = { met: 'green', 'not-met': 'red', unknown: 'yellow', manual: 'gray' } as const;

const matches = (row: ChecklistRow, filter: string): boolean => {
  const needle = filter.toLowerCase();
  return [row.title, row.id, row.area, row.evidence ?? ''].some((text) => text.toLowerCase().includes(needle));
};

function buildLines(stages: StageChecklist[], open: ReadonlySet<StageId>, filter: string): Line[] {
  const lines: Line[] = [];
  for (const stage of stages) {
    const rows = filter === '' ? stage.rows : stage.rows.filter((row) => matches(row, filter));
    if (filter !== '' && rows.length === 0) continue;
    // A filter opens every stage it finds something in.
    const isOpen = filter !== '' || open.has(stage.stage.id);
    lines.push({ kind: 'stage', stage, open: isOpen });
    if (!isOpen) continue;
    for (const [area, group] of byArea(rows)) {
      lines.push({ kind: 'area', title: AREA_TITLES[area] });
      for (const row of group) lines.push({ kind: 'item', row, stage: stage.stage.id });
    }
  }
  return lines;
}

const selectable = (line: Line | undefined): boolean => line !== undefined && line.kind !== 'area';

/** The nearest selectable line from `from` in `step` direction, or `from` when there is none. */
function move(lines: Line[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) if (selectable(lines[i])) return i;
  return from;
}

interface ScreenState {
  state: ChecklistState;
  open: ReadonlySet<StageId>;
  cursor: number;
  details: boolean;
  mode: Mode;
  filter: string;
  quit: boolean;
}

interface KeyPress {
  input: string;
  key: Key;
}

const linesOf = (stages: StageChecklist[], s: ScreenState): Line[] =>
  buildLines(stages, s.open, s.mode.kind === 'filter' ? s.mode.text : s.filter);

/** One key press → the next screen state (pure). */
function press(stages: StageChecklist[], s: ScreenState, { input, key }: KeyPress): ScreenState {
  const { mode } = s;
  if (mode.kind !== 'browse') {
    if (key.escape) return { ...s, mode: { kind: 'browse' }, filter: mode.kind === 'filter' ? '' : s.filter };
    if (key.return) {
      const browse = { ...s, mode: { kind: 'browse' } as Mode, cursor: 0 };
      return mode.kind === 'filter' ? { ...browse, filter: mode.text } : { ...browse, cursor: s.cursor, state: setNote(s.state, mode.id, mode.text) };
    }
    if (key.backspace || key.delete) return { ...s, mode: { ...mode, text: mode.text.slice(0, -1) } };
    if (input && !key.ctrl && !key.meta) return { ...s, mode: { ...mode, text: mode.text + input } };
    return s;
  }
  const lines = linesOf(stages, s);
  const at = Math.min(s.cursor, Math.max(0, lines.length - 1));
  const selected = lines[at];
  if (input === 'q' || key.escape) return { ...s, quit: true };
  if (key.downArrow || input === 'j') return { ...s, cursor: move(lines, at, 1) };
  if (key.upArrow || input === 'k') return { ...s, cursor: move(lines, at, -1) };
  if (input === 'd') return { ...s, details: !s.details };
  if (input === '/') return { ...s, mode: { kind: 'filter', text: s.filter } };
  if (selected?.kind === 'stage' && (key.return || key.leftArrow || key.rightArrow || input === ' ')) {
    const id = selected.stage.stage.id;
    const open = new Set(s.open);
    if (open.has(id)) open.delete(id);
    else open.add(id);
    return { ...s, open, cursor: at };
  }
  if (selected?.kind === 'item') {
    if (input === ' ') return { ...s, state: toggleTick(s.state, selected.row.id) };
    if (input === 'n') return { ...s, mode: { kind: 'note', id: selected.row.id, text: s.state.items[selected.row.id]?.note ?? '' } };
  }
  return s;
}

export function ChecklistScreen({ stages, current, expanded, initialState, onSave, height = 20 }: ChecklistScreenProps) {
  const { exit } = useApp();
  const open = new Set([expanded]);
  const initial: ScreenState = {
    state: initialState,
    open,
    // Start on the first item of the open stage: that list is what the user came for.
    cursor: Math.max(0, buildLines(stages, open, '').findIndex((line) => line.kind === 'item')),
    details: false,
    mode: { kind: 'browse' },
    filter: '',
    quit: false,
  };
  // The ref is the source of truth, so keys typed faster than ink re-renders apply in order.
  const latest = useRef(initial);
  const [screen, setScreen] = useState(initial);
  useInput((input, key) => {
    const before = latest.current;
    const next = press(stages, before, { input, key });
    latest.current = next;
    if (next.state !== before.state) onSave(next.state);
    setScreen(next);
    if (next.quit) exit();
  });

  const { state, details, mode, filter } = screen;
  const lines = useMemo(() => linesOf(stages, screen), [stages, screen]);
  const at = Math.min(screen.cursor, Math.max(0, lines.length - 1));
  const selected = lines[at];

  // Scroll so the cursor stays visible, with the details box counted in.
  const room = Math.max(3, height - (details ? 4 : 0));
  const top = Math.max(0, Math.min(at - Math.floor(room / 2), lines.length - room));
  const visible = lines.slice(top, top + room);

  return (
    <Box flexDirection="column">
      {visible.map((line, i) => (
        <LineView key={top + i} line={line} state={state} selected={top + i === at} current={current} />
      ))}
      {details && selected?.kind === 'item' ? <Details row={selected.row} note={state.items[selected.row.id]?.note} /> : null}
      <Footer mode={mode} filter={filter} />
    </Box>
  );
}

function LineView({ line, state, selected, current }: { line: Line; state: ChecklistState; selected: boolean; current: StageId | null }) {
  const pointer = selected ? '›' : ' ';
  if (line.kind === 'area') return <Text dimColor>{`     ${line.title}`}</Text>;
  if (line.kind === 'stage') {
    const { stage, rows } = line.stage;
    const done = rows.filter((row) => state.items[row.id]?.ticked || row.status === 'met').length;
    const here = stage.id === current ? '  (your stage)' : '';
    return (
      <Text bold inverse={selected}>
        {`${pointer} ${line.open ? '▾' : '▸'} ${stage.title} (${stageRange(stage)}) ${done}/${rows.length}${here}`}
      </Text>
    );
  }
  const { row } = line;
  const item = state.items[row.id];
  const box = item?.ticked ? '[x]' : '[ ]';
  const note = item?.note ? '✎ ' : '';
  return (
    <Box>
      <Text inverse={selected} wrap="truncate-end">{`${pointer}   ${box} ${kindLabel(row).padEnd(5)} ${note}${row.title}`}</Text>
      <Text color={STATUS_COLOURS[row.status]}>{` ${STATUS_LABELS[row.status]}`}</Text>
    </Box>
  );
}

function Details({ row, note }: { row: ChecklistRow; note: string | undefined }) {
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      <Text wrap="wrap">{`Why: ${row.why}`}</Text>
      <Text wrap="wrap">{`Evidence: ${row.evidence ?? 'none: tick it yourself when done'}`}</Text>
      {note ? <Text wrap="wrap">{`Note: ${note}`}</Text> : null}
    </Box>
  );
}

function Footer({ mode, filter }: { mode: Mode; filter: string }) {
  if (mode.kind === 'filter') return <Text>{`/${mode.text}▏  Enter apply · Esc clear`}</Text>;
  if (mode.kind === 'note') return <Text>{`note: ${mode.text}▏  Enter save · Esc cancel`}</Text>;
  const filtered = filter === '' ? '' : `filter "${filter}" · `;
  return <Text dimColor>{`${filtered}↑↓ move · space tick · Enter fold · d details · / filter · n note · q quit`}</Text>;
}

export interface ScreenStreams {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** Runs the screen until the user quits. Only call it when stdin and stdout are both TTYs. */
export async function runChecklistScreen(props: Omit<ChecklistScreenProps, 'height'>, streams: ScreenStreams): Promise<void> {
  const height = Math.max(8, (streams.stdout.rows ?? 24) - 2);
  const app = render(<ChecklistScreen {...props} height={height} />, {
    stdin: streams.stdin as NodeJS.ReadStream,
    stdout: streams.stdout,
    stderr: streams.stderr,
    exitOnCtrlC: true,
  });
  await app.waitUntilExit();
}
