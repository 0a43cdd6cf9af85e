import { z } from 'zod';
import { configSchema } from './schema.js';

/** Where the committed schema lives, relative to the repository root. */
export const SCHEMA_FILE = 'csops.config.schema.json';

/**
 * The config's JSON Schema, generated from the zod schema so the two never drift. `io: 'input'`
 * describes what a person writes (durations as "4h" or minutes), not the parsed result.
 */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
}

export const configJsonSchemaText = (): string => JSON.stringify(configJsonSchema(), null, 2) + '\n';
