import { Command, Option } from 'commander';
import { z } from 'zod';
import type { SettingSource } from '../../config/resolve.js';
import { addConfigOption, resolveRunSettings, type SharedFlags } from '../settings.js';
import { roundTo, wholePercent } from '../../model/format.js';
import { HOURS_PER_WEEK, keyToDayNumber } from '../../model/time.js';
import { renderForecast, type ForecastReport } from '../../render/forecast.js';
import { ACTIVE_WINDOW, explainAssumptions, resolveStaffingAssumptions } from '../../staffing/assumptions.js';
import { parseCoverage } from '../../staffing/coverage.js';
import { profileExport } from '../../staffing/export-profile.js';
import { MODEL_NAMES } from '../../staffing/forecast-models.js';
import type { SizingTarget } from '../../staffing/queue-model.js';
import { forecastStaffing } from '../../staffing/staffing-forecast.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { durationWithUnit, fraction, growthRate, serviceLevelTarget, volumeEvent } from '../flag-values.js';
import { collect, duration, flagValue, OUTPUT_FORMATS, parseFlags, positiveDuration, share, wholeNumberFlag } from '../flags.js';
import { addInputOptions, FILES_ARGUMENT, loadInput } from '../input.js';
import { readSpecFlag } from '../spec-flag.js';

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
  hoursPerWeek: flagValue(Number, (n) => n > 0 && n <= HOURS_PER_WEEK, 'must be paid hours per FTE per week (e.g. 40)'),
  agents: flagValue(Number, (n) => Number.isFinite(n) && n >= 0, 'must be a number of agents (FTE)').optional(),
  leadTime: duration,
  ramp: duration,
  attrition: share('below one'),
  span: wholeNumberFlag(1),
  planOn: z.enum(['point', 'high']),
  format: z.enum(OUTPUT_FORMATS),
});

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
    .option('--reply-target <duration>', `email/web first reply target, checked by simulation (${wholePercent(REPLY_TARGET_SHARE)} within it)`, '4h')
    .option('--coverage <hours>', 'staffed hours: 24/7 or e.g. "mon-fri 09-17"', 'mon-fri 09-17')
    .option('--hours-per-week <n>', 'paid hours of one FTE', '40')
    .option('--agents <n>', `current team in FTE (default: assignees active in ${ACTIVE_WINDOW})`)
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
    const a = resolveStaffingAssumptions(flags, given, settings.config.staffing ?? {}, profile);
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
        liveAhtSeconds: a.liveAhtSeconds.value,
        thresholdSeconds: flags.sl!.thresholdSeconds,
        liveTarget,
        ...(flags.patience !== undefined && { patienceSeconds: flags.patience }),
        asyncHandleSeconds: a.asyncHandleSeconds.value,
        maxOccupancy: a.maxOccupancy.value,
        shrinkage: a.shrinkage.value,
        hoursPerWeek: a.hoursPerWeek.value,
        minAgents: 1,
      },
      fteCurrent: a.agents.value,
      leadWeeks: a.leadTimeSeconds.value / WEEK_SECONDS,
      rampWeeks: flags.ramp / WEEK_SECONDS,
      earlyAttrition: flags.attrition,
      span: a.span.value,
      planOn: flags.planOn,
      replyTarget: { seconds: flags.replyTarget, share: REPLY_TARGET_SHARE },
      tz: loaded.tz,
    });

    const source = (name: string): SettingSource => (given(name) ? 'flag' : 'default');
    const assumptions = {
      timeZone: { value: loaded.tz, source: settings.tzSource },
      horizonWeeks: { value: horizonWeeks, source: source('horizon') },
      intervalLevel: { value: flags.level, source: source('level') },
      averageWeeks: { value: flags.averageWeeks, source: source('averageWeeks') },
      growth: { value: opts.growth ?? null, source: source('growth') },
      events: { value: opts.event ?? [], source: source('event') },
      liveShare: { value: roundTo(profile.liveShare, 4), source: 'measured' },
      liveAhtSeconds: { value: Math.round(a.liveAhtSeconds.value), source: a.liveAhtSeconds.source },
      asyncHandleSeconds: { value: Math.round(a.asyncHandleSeconds.value), source: a.asyncHandleSeconds.source },
      serviceLevel: liveTarget.kind === 'asa' ? { value: `ASA ${flags.asa}s`, source: 'flag' } : { value: opts.sl, source: source('sl') },
      patienceSeconds: { value: flags.patience ?? null, source: source('patience') },
      maxOccupancy: a.maxOccupancy,
      shrinkage: a.shrinkage,
      coverage: { value: opts.coverage, source: source('coverage') },
      hoursPerWeek: a.hoursPerWeek,
      agents: a.agents,
      leadTimeWeeks: { value: a.leadTimeSeconds.value / WEEK_SECONDS, source: a.leadTimeSeconds.source },
      rampWeeks: { value: flags.ramp / WEEK_SECONDS, source: source('ramp') },
      earlyAttrition: { value: flags.attrition, source: source('attrition') },
      span: a.span,
      planOn: { value: flags.planOn, source: source('planOn') },
      replyTarget: { value: opts.replyTarget, share: REPLY_TARGET_SHARE, source: source('replyTarget') },
    };
    const notes = [...loaded.notes, ...explainAssumptions(profile, a)];
    const report: ForecastReport = { input: loaded.input, result, assumptions, notes };
    for (const warning of result.warnings) warn(ctx, warning);
    if (result.firstReply && !result.firstReply.met) {
      warn(ctx, `the staffed peak week answers ${wholePercent(result.firstReply.withinTarget)} of email/web tickets within ${opts.replyTarget} of staffed time, short of ${wholePercent(REPLY_TARGET_SHARE)}: plan more async hours or a longer target`);
    }
    ctx.stdout.write(renderForecast(report, flags.format, chalkFor(ctx)));
  });
  return command;
}
