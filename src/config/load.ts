import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError, UsageError } from '../errors.js';
import { jsonErrorPlace } from '../ingest/json-place.js';
import { plural } from '../model/format.js';
import { configSchema, type Config } from './schema.js';
import { CONFIG_ENV } from './resolve.js';

export const CONFIG_FILE = 'csops.config.json';

export interface LoadedConfig {
  config: Config;
  /** The file the config came from; undefined when none was found (all defaults). */
  path?: string;
}

/** Where a run looks for its config: the working directory and the environment ($CSOPS_CONFIG). */
export interface ConfigLookup {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Finds and validates the config: `--config` first, then $CSOPS_CONFIG, then
 * `csops.config.json` in the working directory. A file named explicitly must exist; the
 * implicit one is optional.
 */
export async function loadConfig(lookup: ConfigLookup, flagPath?: string): Promise<LoadedConfig> {
  const envPath = lookup.env[CONFIG_ENV] || undefined;
  const named = flagPath ?? envPath;
  const path = named === undefined ? join(lookup.cwd, CONFIG_FILE) : isAbsolute(named) ? named : resolve(lookup.cwd, named);
  const shown = named ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && named === undefined) return { config: {} };
    if (code === 'ENOENT') throw new InputError(shown, `config file not found${flagPath === undefined ? ` (from ${CONFIG_ENV})` : ''}`);
    if (code === 'EISDIR') throw new InputError(shown, 'is a directory, not a config file');
    throw new InputError(shown, (error as Error).message);
  }
  return { config: parseConfig(text, shown), path };
}

/** Parses and validates config text; errors name the file, the line or the key. */
export function parseConfig(text: string, name: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const { detail, line } = jsonErrorPlace(text, error);
    throw new InputError(name, `is not valid JSON (${detail})`, line);
  }
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new UsageError(`${name}: ${describeIssues(result.error.issues)}`);
  return result.data;
}

const keyPath = (path: readonly PropertyKey[]): string =>
  path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');

/** One line per config: the first problem names its key; others are counted. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  if (!first) return 'invalid config';
  let text: string;
  if (first.code === 'unrecognized_keys') {
    const where = first.path.length ? `${keyPath(first.path)}.` : '';
    text = `unknown key ${first.keys.map((k) => `"${where}${k}"`).join(', ')}`;
  } else {
    text = `${keyPath(first.path)}: ${first.message}`;
  }
  const more = issues.length - 1;
  return more > 0 ? `${text} (and ${plural(more, 'more problem')})` : text;
}
