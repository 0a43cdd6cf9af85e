import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Makes fresh temporary folders (csops-<label>-…), all removed after the tests of the file or
 * describe block that calls this: call it there, not inside a test.
 */
export function tempDirs(label: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), `csops-${label}-`));
    made.push(dir);
    return dir;
  };
}

/**
 * A scratch folder for generated inputs, removed after the tests (as tempDirs): large or odd files
 * are made here rather than committed. Returns a writer that gives the path of each file it writes.
 */
export function scratch(label: string): (name: string, content: string | Buffer) => string {
  const dir = tempDirs(label)();
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}
