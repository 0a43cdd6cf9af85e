import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A Zendesk CSV header with the columns the bad inputs below play with. */
export const HEADER = 'Id,Created at,Status,Priority,Replies,Reopens,First reply time in minutes,Full resolution time in minutes,Subject';
export const GOOD_ROW = '1,2024-03-01 10:00:00,Solved,Normal,1,0,30,120,Fine';

/**
 * A scratch folder for generated bad inputs, removed after the file's tests. Large or odd files
 * are made here rather than committed.
 */
export function scratch(): (name: string, content: string | Buffer) => string {
  const dir = mkdtempSync(join(tmpdir(), 'csops-robustness-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
}

/** CRLF-joined CSV lines with a trailing line break, as Zendesk writes them. */
export const csv = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;
