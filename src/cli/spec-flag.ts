import { SpecError } from '../model/spec-error.js';
import { UsageError } from '../errors.js';

/** Runs a core parser on a flag's text, turning its SpecError into a one-line usage error naming the flag. */
export function readSpecFlag<T>(flag: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(`${flag}: ${error.message}`);
    throw error;
  }
}
