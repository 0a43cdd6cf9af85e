import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATALOGUE } from '../playbook/catalogue.js';
import { ChecklistStateSchema, emptyState, mergeState, type ChecklistState } from '../playbook/state.js';
import { InputError } from './errors.js';

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

/**
 * Writes the state atomically: a temporary file in the same folder, then a rename, so an
 * interrupted write never leaves a half-written checklist behind.
 */
export async function writeChecklistState(cwd: string, state: ChecklistState): Promise<void> {
  const path = join(cwd, STATE_FILE);
  const dir = join(cwd, '.csops');
  const temp = join(dir, `.checklist.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    await rename(temp, path);
  } catch (error) {
    // Cleanup is best effort: the error worth reporting is the one that stopped the save.
    await rm(temp, { force: true }).catch(() => undefined);
    throw new InputError(STATE_FILE, `cannot save: ${(error as Error).message}`);
  }
}
