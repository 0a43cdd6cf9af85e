import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to a temporary file next to `target`, then renames it over the target, so a
 * reader (or an interrupted run) never sees half a file. Cleans up the temporary file and
 * rethrows the error that stopped the write; callers turn it into a message naming their file.
 */
export async function writeAtomically(target: string, content: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, target);
  } catch (error) {
    // Cleanup is best effort: the error worth reporting is the one that stopped the write.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The errno code of a failed write, else its message: short enough for a one-line error. */
export const writeFailure = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
