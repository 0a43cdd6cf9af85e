import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOGUE } from '../playbook/catalogue.js';
import { ChecklistStateSchema, emptyState, mergeState, type ChecklistState } from '../playbook/state.js';
import { InputError } from '../errors.js';
import { writeAtomically, writeFailure } from './write-atomically.js';

/** Where ticks and notes live, relative to the working directory. */
export const STATE_FILE = join('.csops', 'checklist.json');

/** Reads `.csops/checklist.json` in `cwd`, merged with the current catalogue; empty when absent. */
export async function readChecklistState(cwd: string): Promise<ChecklistState> {
  const path = join(cwd, STATE_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return mergeState(emptyState(), CATALOGUE);
    throw new InputError(STATE_FILE, `cannot read: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new InputError(STATE_FILE, 'is not valid JSON (fix or delete it to start over)');
  }
  const parsed = ChecklistStateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join('.') : undefined;
    throw new InputError(STATE_FILE, `${issue.message} (fix or delete it to start over)`, undefined, field);
  }
  return mergeState(parsed.data, CATALOGUE);
}

/** Writes the state atomically, so an interrupted write never leaves half a checklist behind. */
export async function writeChecklistState(cwd: string, state: ChecklistState): Promise<void> {
  try {
    await mkdir(join(cwd, '.csops'), { recursive: true });
    await writeAtomically(join(cwd, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  } catch (error) {
    throw new InputError(STATE_FILE, `cannot save (${writeFailure(error)})`);
  }
}
