import { Command, Option } from 'commander';
import { z } from 'zod';
import type { Config } from '../../config/schema.js';
import { addConfigOption, resolveRunSettings, type SharedFlags } from '../../config/settings.js';
import { keyToDayNumber } from '../../model/time.js';
import { renderForecast, type ForecastReport } from '../../render/forecast.js';
import { parseCoverage } from '../../staffing/coverage.js';
import { profileExport, type ExportProfile } from '../../staffing/export-profile.js';
import { MODEL_NAMES } from '../../staffing/forecast-models.js';
import type { SizingTarget } from '../../staffing/queue-model.js';
import { forecastStaffing } from '../../staffing/staffing-forecast.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { durationWithUnit, fraction, growthRate, serviceLevelTarget, volumeEvent } from '../flag-values.js';
import { collect, duration, flagValue, OUTPUT_FORMATS, parseFlags, positiveDuration, share, wholeNumberFlag } from '../flags.js';
import { addInputOptions, FILES_ARGUMENT, loadInput } from '../input.js';
import { readSpecFlag } from '../spec-flag.js';

/** Used when neither a flag nor the export gives a value; each is reported as a default. */
const FALLBACK = { liveAhtSeconds: 360, asyncHandleSeconds: 600 } as const;
/** Share of first replies the async target asks for (Turnella's "90 % in 4 h" style). */
const REPLY_TARGET_SHARE = 0.9;
const WEEK_SECONDS = 604_800;

const ForecastFlags = z.object({
  horizon: flagValue(durationWithUnit, (s) => s >= 86_400 && s <= 104 * WEEK_SECONDS, 'must be between 1d and 104w (e.g. 12w)'),
  model: z.enum(MODEL_NAMES).optional(),
  averageWeeks: wholeNumberFlag(1),
  level: flagValue(fraction, (p) => p > 0 && p < 1, 'must be a share between 0 and 1 (e.g. 80%)'),
  growth: flagValue(growthRate, (g) => g !== undefined, 'must look like 8%/month (or /day, /week, /year)').optional(),
  event: z
    .array(flagValue(volumeEvent, (e) => e !== undefined, 'must look like 2025-03-10:+40%:2w'))
    .optional(),
  aht: positiveDuration.optional(),
  handleTime: z.union([z.literal('measured'), positiveDuration]),
  sl: flagValue(serviceLevelTarget, (t) => t !== undefined, 'must look like 80/60s (share answered within a time)'),
  asa: positiveDuration.optional(),
  maxOccupancy: share('up to one'),
  shrinkage: share('below one'),
  patience: positiveDuration.optional(),
  replyTarget: positiveDuration,
  coverage: z.string(),
  hoursPerWeek: flagValue(Number, (n) => n > 0 && n <= 168, 'must be paid hours per FTE per week (e.g. 40)'),
  agents: flagValue(Number, (n) => Number.isFinite(n) && n >= 0, 'must be a number of agents (FTE)').optional(),
  leadTime: duration,
  ramp: duration,
  attrition: share('below one'),
  span: wholeNumberFlag(1),
  planOn: z.enum(['point', 'high']),
  format: z.enum(OUTPUT_FORMATS),
});

type Source = 'flag' | 'env' | 'config' | 'measured' | 'default';

export function forecastCommand(ctx: CliContext): Command {
  const command = new Command('forecast')
    .description('Forecast ticket volume and the team it needs: FTE per week, the gap, hire-by dates and team leads')
    .argument('[files...]', FILES_ARGUMENT)
    .option('--horizon <duration>', 'how far ahead to plan', '12w')
    .addOption(new Option('--model <name>', 'use this model instead of the backtest winner').choices([...MODEL_NAMES]))
    .option('--average-weeks <n>', 'weeks in the seasonal average model', '8')
    .option('--level <share>', 'prediction interval coverage', '80%')
    .option('--growth <rate>', 'extra growth on top of the model, e.g. 8%/month from a sales plan')
    .option('--event <date:change:length>', 'a launch or holiday, e.g. 2025-03-10:+40%:2w (repeatable)', collect)
    .option('--aht <duration>', 'chat/phone handle time (default: measured from the export, else 6m)')
    .addOption(
      new Option(
        '--handle-time <duration>',
        'handling time per email/web ticket; "measured" derives it from tickets solved per agent-day when the export records none',
      ).default('10m', "the export's recorded handling times, else 10m"),
    )
    .option('--sl <share/time>', 'live service-level target', '80/60s')
    .option('--asa <duration>', 'size live channels on average speed of answer instead of --sl')
    .option('--max-occupancy <share>', 'highest planned occupancy', '85%')
    .option('--shrinkage <share>', 'paid time away from customers (breaks, meetings, training, leave)', '30%')
    .option('--patience <duration>', 'mean wait before a live customer gives up: sizes with Erlang A')
    .option('--reply-target <duration>', `email/web first reply target, checked by simulation (${REPLY_TARGET_SHARE * 100}% within it)`, '4h')
    .option('--coverage <hours>', 'staffed hours: 24/7 or e.g. "mon-fri 09-17"', 'mon-fri 09-17')
    .option('--hours-per-week <n>', 'paid hours of one FTE', '40')
    .option('--agents <n>', 'current team in FTE (default: assignees active in the last 4 weeks)')
    .option('--lead-time <duration>', 'from opening a position to the start date', '4w')
    .option('--ramp <duration>', 'training before working alone', '3w')
    .option('--attrition <share>', 'share of new hires who leave during ramp-up', '0')
    .option('--span <n>', 'agents per team lead (about 8 specialised, 15 general)', '8')
    .addOption(new Option('--plan-on <forecast>', 'hire for the point forecast or the upper bound').choices(['point', 'high']).default('point'))
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'));
  addInputOptions(command);
  addConfigOption(command);
  command.action(async (files: string[], opts: Record<string, unknown>) => {
    const flags = parseFlags(ForecastFlags, opts);
    const coverage = readSpecFlag('--coverage', () => parseCoverage(flags.coverage));
    const settings = await resolveRunSettings(command, opts as SharedFlags, ctx);
    const loaded = await loadInput(files, settings.input, ctx);
    const profile = profileExport(loaded.table, loaded.tz);
    if (profile.tickets === 0) throw new UsageError('the export has no tickets with a creation time; nothing to forecast');
    const given = (name: string): boolean => command.getOptionValueSource(name) === 'cli';
    const a = resolveAssumptions(flags, given, settings.config, profile);
    const liveTarget: SizingTarget =
      flags.asa !== undefined ? { kind: 'asa', targetSeconds: flags.asa } : { kind: 'service-level', target: flags.sl!.target };
    const events = (flags.event ?? []).map((e) => ({ startDay: keyToDayNumber(e!.date), change: e!.change, days: e!.days }));
    const horizonWeeks = Math.ceil(flags.horizon / WEEK_SECONDS);
    const result = forecastStaffing(profile, {
      horizonWeeks,
      ...(flags.model !== undefined && { model: flags.model }),
      averageWeeks: flags.averageWeeks,
      level: flags.level,
      ...(flags.growth !== undefined && { growth: flags.growth }),
      events,
      staffing: {
        coverage,
        liveAhtSeconds: a.liveAht.value,
        thresholdSeconds: flags.sl!.thresholdSeconds,
        liveTarget,
        ...(flags.patience !== undefined && { patienceSeconds: flags.patience }),
        asyncHandleSeconds: a.asyncHandle.value,
        maxOccupancy: a.maxOccupancy.value,
        shrinkage: a.shrinkage.value,
        hoursPerWeek: a.hoursPerWeek.value,
        minAgents: 1,
      },
      fteCurrent: a.agents.value,
      leadWeeks: a.leadTime.value / WEEK_SECONDS,
      rampWeeks: flags.ramp / WEEK_SECONDS,
      earlyAttrition: flags.attrition,
      span: a.span.value,
      planOn: flags.planOn,
      replyTarget: { seconds: flags.replyTarget, share: REPLY_TARGET_SHARE },
      tz: loaded.tz,
    });

    const source = (name: string): Source => (given(name) ? 'flag' : 'default');
    const assumptions = {
      timeZone: { value: loaded.tz, source: settings.tzSource },
      horizonWeeks: { value: horizonWeeks, source: source('horizon') },
      intervalLevel: { value: flags.level, source: source('level') },
      averageWeeks: { value: flags.averageWeeks, source: source('averageWeeks') },
      growth: { value: opts.growth ?? null, source: source('growth') },
      events: { value: opts.event ?? [], source: source('event') },
      liveShare: { value: Number(profile.liveShare.toFixed(4)), source: 'measured' },
      liveAhtSeconds: { value: Math.round(a.liveAht.value), source: a.liveAht.source },
      asyncHandleSeconds: { value: Math.round(a.asyncHandle.value), source: a.asyncHandle.source },
      serviceLevel: liveTarget.kind === 'asa' ? { value: `ASA ${flags.asa}s`, source: 'flag' } : { value: opts.sl, source: source('sl') },
      patienceSeconds: { value: flags.patience ?? null, source: source('patience') },
      maxOccupancy: a.maxOccupancy,
      shrinkage: a.shrinkage,
      coverage: { value: opts.coverage, source: source('coverage') },
      hoursPerWeek: a.hoursPerWeek,
      agents: a.agents,
      leadTimeWeeks: { value: a.leadTime.value / WEEK_SECONDS, source: a.leadTime.source },
      rampWeeks: { value: flags.ramp / WEEK_SECONDS, source: source('ramp') },
      earlyAttrition: { value: flags.attrition, source: source('attrition') },
      span: a.span,
      planOn: { value: flags.planOn, source: source('planOn') },
      replyTarget: { value: opts.replyTarget, share: REPLY_TARGET_SHARE, source: source('replyTarget') },
    };
    const notes = [...loaded.notes, ...explain(profile, a)];
    const report: ForecastReport = { input: loaded.input, result, assumptions, notes };
    for (const warning of result.warnings) warn(ctx, warning);
    if (result.firstReply && !result.firstReply.met) {
      warn(ctx, `the staffed peak week answers ${(result.firstReply.withinTarget * 100).toFixed(0)}% of email/web tickets within ${opts.replyTarget} of staffed time, short of ${REPLY_TARGET_SHARE * 100}%: plan more async hours or a longer target`);
    }
    ctx.stdout.write(renderForecast(report, flags.format, chalkFor(ctx)));
  });
  return command;
}

interface Resolved<T> {
  value: T;
  source: Source;
}

type Flags = z.output<typeof ForecastFlags>;

/**
 * The staffing inputs, each from the first place that has it: flag, then config file, then what
 * the export shows (where it can), then the built-in default.
 */
function resolveAssumptions(flags: Flags, given: (name: string) => boolean, config: Config, profile: ExportProfile) {
  const staffing = config.staffing ?? {};
  const pick = <T>(name: string, flagValue: T, configValue: T | undefined): Resolved<T> =>
    given(name)
      ? { value: flagValue, source: 'flag' }
      : configValue !== undefined
        ? { value: configValue, source: 'config' }
        : { value: flagValue, source: 'default' };
  const shrinkage = pick('shrinkage', flags.shrinkage, staffing.shrinkage);
  const maxOccupancy = pick('maxOccupancy', flags.maxOccupancy, staffing.occupancy);
  const hoursPerWeek = pick('hoursPerWeek', flags.hoursPerWeek, staffing.hoursPerDay === undefined ? undefined : staffing.hoursPerDay * 5);
  const leadTime = pick('leadTime', flags.leadTime, staffing.hiringLeadTime === undefined ? undefined : staffing.hiringLeadTime * 60);
  const span = pick('span', flags.span, staffing.span);
  // Tickets per agent-day → seconds per ticket, at the planned shrinkage and occupancy.
  const fromThroughput = (perDay: number): number =>
    ((hoursPerWeek.value / 5) * 3600 * (1 - shrinkage.value) * maxOccupancy.value) / perDay;
  // Handling time the helpdesk recorded is a measurement of the work itself, so it comes before
  // the default (though after a flag or the config).
  const recorded = profile.asyncHandleMinutes === null ? null : profile.asyncHandleMinutes * 60;
  let asyncHandle: Resolved<number>;
  if (flags.handleTime === 'measured') {
    // Throughput measured from an export shows how busy the team was, not how long a ticket
    // takes (an under-loaded team looks slow), so it is used only when asked for.
    asyncHandle =
      recorded !== null
        ? { value: recorded, source: 'measured' }
        : profile.solvedPerAgentDay !== null
          ? { value: fromThroughput(profile.solvedPerAgentDay), source: 'measured' }
          : { value: FALLBACK.asyncHandleSeconds, source: 'default' };
  } else if (!given('handleTime') && staffing.handleTime === undefined && staffing.ticketsPerAgentPerDay !== undefined) {
    asyncHandle = { value: fromThroughput(staffing.ticketsPerAgentPerDay), source: 'config' };
  } else if (!given('handleTime') && staffing.handleTime === undefined && recorded !== null) {
    asyncHandle = { value: recorded, source: 'measured' };
  } else {
    asyncHandle = pick('handleTime', flags.handleTime, staffing.handleTime === undefined ? undefined : staffing.handleTime * 60);
  }
  const fromExport = (flagValue: number | undefined, measured: number | null, fallback: number): Resolved<number> =>
    flagValue !== undefined
      ? { value: flagValue, source: 'flag' }
      : measured !== null
        ? { value: measured, source: 'measured' }
        : { value: fallback, source: 'default' };
  const liveAht = fromExport(flags.aht, profile.liveHandleMinutes === null ? null : profile.liveHandleMinutes * 60, FALLBACK.liveAhtSeconds);
  const agents = fromExport(flags.agents, profile.activeAgents > 0 ? profile.activeAgents : null, 0);
  return { shrinkage, maxOccupancy, hoursPerWeek, leadTime, span, asyncHandle, liveAht, agents };
}

/** How each measured input was measured, so the user can judge it. */
function explain(profile: ExportProfile, a: ReturnType<typeof resolveAssumptions>): string[] {
  const [aht, handle, agents] = [a.liveAht.source, a.asyncHandle.source, a.agents.source];
  const notes: string[] = [];
  if (aht === 'measured') {
    notes.push(
      profile.liveHandleFrom === 'recorded'
        ? `chat/phone handle time: mean recorded handling time of ${profile.liveHandleSamples} live contacts`
        : `chat/phone handle time: median created-to-solved time of ${profile.liveHandleSamples} live contacts under 2 hours`,
    );
  }
  if (handle === 'measured') {
    notes.push(
      profile.asyncHandleMinutes !== null
        ? `email/web handle time: mean recorded handling time of ${profile.asyncHandleSamples} tickets`
        : `email/web handle time: at most what is implied by ${profile.solvedPerAgentDay!.toFixed(1)} tickets solved per agent per day worked (${profile.agentDays} agent-days, last 8 weeks), at the planned shrinkage and occupancy`,
    );
  }
  if (agents === 'measured') notes.push(`current team: ${profile.activeAgents} assignees active in the last 4 weeks of the export, counted as full-time`);
  if (agents === 'default') notes.push('current team: unknown (no assignees in the export); give --agents');
  return notes;
}
