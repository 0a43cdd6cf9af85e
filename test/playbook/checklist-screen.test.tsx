import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChecklistState, writeChecklistState } from '../../src/cli/checklist-state.js';
import { CATALOGUE } from '../../src/playbook/catalogue.js';
import { evaluateAll } from '../../src/playbook/evaluate.js';
import { emptyState, mergeState, type ChecklistState } from '../../src/playbook/state.js';
import { ChecklistScreen } from '../../src/render/checklist-screen.js';

/** ink shows effects and input only after a short wait. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 40));
const DOWN = '\u001B[B';
const UP = '\u001B[A';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csops-checklist-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function mount(state: ChecklistState = mergeState(emptyState(), CATALOGUE), onSave: (s: ChecklistState) => void = () => {}) {
  return render(
    <ChecklistScreen stages={evaluateAll({ state })} current="early" expanded="early" initialState={state} onSave={onSave} height={60} />,
  );
}

describe('checklist screen', () => {
  it('opens with every stage listed and only the current one expanded, grouped by area', async () => {
    const { lastFrame, unmount } = mount();
    await settle();
    const frame = lastFrame()!;
    expect(frame).toContain('▸ Founding (0–4 people)');
    expect(frame).toContain('▾ Early (5–19 people) 0/12  (your stage)');
    expect(frame).toContain('▸ Scale (250+ people)');
    expect(frame).toContain('Channels');
    expect(frame).toContain('Pick one official support channel');
    expect(frame).not.toContain('Hire a head (VP) of customer experience');
    unmount();
  });

  it('moves with the arrows, ticks with space and saves each change', async () => {
    const saves: ChecklistState[] = [];
    const { lastFrame, stdin, unmount } = mount(undefined, (s) => saves.push(s));
    await settle();
    // The cursor starts on the first item of the open stage; down skips the area heading.
    expect(lastFrame()).toMatch(/›\s+\[ \] do\s+Write down how customers are handled/);
    stdin.write(DOWN);
    await settle();
    expect(lastFrame()).toMatch(/›\s+\[ \] do\s+Pick one official support channel/);
    stdin.write(UP);
    await settle();
    stdin.write(' ');
    await settle();
    expect(lastFrame()).toMatch(/›\s+\[x\] do\s+Write down how customers are handled/);
    expect(saves.at(-1)?.items['document-workflows']?.ticked).toBe(true);
    stdin.write(UP);
    await settle();
    stdin.write(' ');
    await settle();
    // Space on a stage header folds it.
    expect(lastFrame()).toContain('▸ Early (5–19 people) 1/12');
    unmount();
  });

  it('shows why and evidence with d, and filters with /', async () => {
    const { lastFrame, stdin, unmount } = mount();
    await settle();
    stdin.write('d');
    await settle();
    expect(lastFrame()).toContain('Why: Start from the most frequent scenarios');
    stdin.write('d');
    await settle();
    stdin.write('/');
    await settle();
    for (const ch of 'shadow') stdin.write(ch);
    await settle();
    stdin.write('\r');
    await settle();
    const frame = lastFrame()!;
    expect(frame).toContain('filter "shadow"');
    expect(frame).toContain('Onboard every hire through all processes');
    expect(frame).not.toContain('Founding');
    expect(frame).not.toContain('Pick one official support channel');
    unmount();
  });

  it('keeps ticks and notes across a save and a fresh start (persistence round trip)', async () => {
    let writes = Promise.resolve();
    const { stdin, unmount } = mount(undefined, (s) => {
      writes = writes.then(() => writeChecklistState(dir, s));
    });
    await settle();
    stdin.write(' ');
    await settle();
    stdin.write('n');
    await settle();
    for (const ch of 'flowcharts done') stdin.write(ch);
    await settle();
    stdin.write('\r');
    await settle();
    unmount();
    await writes;

    const reloaded = await readChecklistState(dir);
    expect(reloaded.items['document-workflows']).toEqual({ ticked: true, note: 'flowcharts done' });
    const file = JSON.parse(await readFile(join(dir, '.csops', 'checklist.json'), 'utf8'));
    expect(file.schemaVersion).toBe(1);

    const again = mount(reloaded);
    await settle();
    expect(again.lastFrame()).toMatch(/\[x\] do\s+✎ Write down how customers are handled/);
    again.unmount();
  });
});
