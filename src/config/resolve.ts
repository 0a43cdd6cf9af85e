import { UsageError } from '../errors.js';

/**
 * Precedence for every setting (clig.dev): command-line flag, then environment variable, then
 * the config file, then what the export shows (where a setting can be measured from it), then
 * the built-in default.
 */
export type SettingSource = 'flag' | 'env' | 'config' | 'measured' | 'default';

export interface Setting<T> {
  value: T;
  source: SettingSource;
}

/** Environment variables csops reads. */
export const CONFIG_ENV = 'CSOPS_CONFIG';
export const ENV = {
  timeZone: 'CSOPS_TZ',
  firstReplyTarget: 'CSOPS_FIRST_REPLY_TARGET',
  minSample: 'CSOPS_MIN_SAMPLE',
} as const;

export function resolveSetting<T>(layers: { flag?: T; env?: T; config?: T; measured?: T }, fallback: T): Setting<T> {
  if (layers.flag !== undefined) return { value: layers.flag, source: 'flag' };
  if (layers.env !== undefined) return { value: layers.env, source: 'env' };
  if (layers.config !== undefined) return { value: layers.config, source: 'config' };
  if (layers.measured !== undefined) return { value: layers.measured, source: 'measured' };
  return { value: fallback, source: 'default' };
}

/**
 * Reads an environment variable through `parse`; an empty variable counts as unset. A value
 * `parse` rejects (returns undefined) is a usage error naming the variable.
 */
export function envValue<T>(
  env: NodeJS.ProcessEnv,
  name: string,
  parse: (text: string) => T | undefined,
  expected: string,
): T | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  const value = parse(text.trim());
  if (value === undefined) throw new UsageError(`${name}="${text}" is not ${expected}`);
  return value;
}
