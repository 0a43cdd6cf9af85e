import type { Command } from 'commander';
import { DEFAULT_TIME_ZONE, resolveTargets, type ResolvedTargets } from '../config/defaults.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { ENV, envValue, resolveSetting, type SettingSource } from '../config/resolve.js';
import type { Config } from '../config/schema.js';
import { UsageError } from '../errors.js';
import { isValidTimeZone } from '../model/time.js';
import type { CliContext } from './context.js';
import { DURATION_EXAMPLES, flagMinutes, readPositiveMinutes } from './flags.js';
import type { InputFlags } from './input.js';

/**
 * The settings every command that reads exports shares, each resolved flags > env > config >
 * defaults: the config file, the time zone, the column map and the targets.
 */
export interface RunSettings {
  config: Config;
  configPath?: string;
  /** Input flags for loadInput with --tz resolved from flag, env and config, and the config's column map. */
  input: InputFlags & { tz: string };
  /** Where the time zone came from, for commands that report their assumptions. */
  tzSource: SettingSource;
  targets: ResolvedTargets;
}

export interface SharedFlags extends InputFlags {
  config?: string;
  firstReplyTarget?: string;
}

/** Adds --config, for commands that read only the time zone, column map or staffing settings from it. */
export function addConfigOption(command: Command): Command {
  return command.option('--config <file>', 'config file (default: ./csops.config.json, or $CSOPS_CONFIG)');
}

/** Adds --config and --first-reply-target (the other shared flags come from addInputOptions). */
export function addSettingsOptions(command: Command): Command {
  return addConfigOption(command).option(
    '--first-reply-target <duration>',
    'first-reply target for the service level, e.g. 30m, 1h (default 1h)',
  );
}

export async function resolveRunSettings(command: Command, flags: SharedFlags, ctx: CliContext): Promise<RunSettings> {
  const loaded: LoadedConfig = await loadConfig(ctx, flags.config);
  const { config } = loaded;
  // --tz has a default in addInputOptions, so only a value typed on the command line counts as a flag.
  const tzFlag = command.getOptionValueSource('tz') === 'cli' ? flags.tz : undefined;
  if (tzFlag !== undefined && !isValidTimeZone(tzFlag)) throw new UsageError(`--tz: "${tzFlag}" is not an IANA time zone (e.g. UTC, Europe/Berlin)`);
  const tzEnv = envValue(ctx.env, ENV.timeZone, (t) => (isValidTimeZone(t) ? t : undefined), 'an IANA time zone');
  const tz = resolveSetting({ flag: tzFlag, env: tzEnv, config: config.timeZone }, DEFAULT_TIME_ZONE);
  const firstReplyFlag = flags.firstReplyTarget === undefined ? undefined : flagMinutes(flags.firstReplyTarget, '--first-reply-target');
  const firstReplyEnv = envValue(ctx.env, ENV.firstReplyTarget, readPositiveMinutes, `a positive duration ${DURATION_EXAMPLES}`);
  const targets = resolveTargets(config);
  targets.firstReplyMinutes = resolveSetting(
    { flag: firstReplyFlag, env: firstReplyEnv, config: config.targets?.firstReply },
    targets.firstReplyMinutes,
  ).value;
  const input = { ...flags, tz: tz.value, ...(config.columns ? { configColumns: config.columns } : {}) };
  return { config, ...(loaded.path ? { configPath: loaded.path } : {}), input, tzSource: tz.source, targets };
}
