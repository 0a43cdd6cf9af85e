import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChecklistState, writeChecklistState } from '../../src/cli/checklist-state.js';
import { InputError } from '../../src/errors.js';

describe('checklist state file', () => {
  it('round-trips through .csops/checklist.json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'csops-state-'));
    const state = await readChecklistState(dir);
    await writeChecklistState(dir, { ...state, company: { headcount: 12 } });
    expect((await readChecklistState(dir)).company).toEqual({ headcount: 12 });
    expect(JSON.parse(await readFile(join(dir, '.csops', 'checklist.json'), 'utf8')).company).toEqual({ headcount: 12 });
  });

  it('a save that cannot be written is an input error naming the file, not a crash', async () => {
    const state = await readChecklistState(await mkdtemp(join(tmpdir(), 'csops-state-')));
    const dir = await mkdtemp(join(tmpdir(), 'csops-state-'));
    await writeFile(join(dir, '.csops'), 'a file where the folder should be');
    const saving = writeChecklistState(dir, state);
    await expect(saving).rejects.toBeInstanceOf(InputError);
    await expect(saving).rejects.toThrow(/^\.csops\/checklist\.json: cannot save \(EEXIST\)$/);
  });
});
