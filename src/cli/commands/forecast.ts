import { Command, Option } from 'commander';
import { z } from 'zod';
import { keyToDayNumber } from '../../model/time.js';
import { renderForecast, type ForecastReport } from '../../render/forecast.js';
import { parseCoverage } from '../../staffing/coverage.js';
import { profileExport, type ExportProfile } from '../../staffing/export-profile.js';
import { durationWithUnit, fraction, growthRate, serviceLevelTarget, volumeEvent } from '../../staffing/flag-values.js';
import { MODEL_NAMES } from '../../staffing/forecast-models.js';
import type { SizingTarget } from '../../staffing/queue-model.js';
import { forecastStaffing } from '../../staffing/staffing-forecast.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { UsageError } from '../errors.js';
import { addInputOptions, loadInput, type InputFlags } from '../input.js';
import { flagValue, OUTPUT_FORMATS, parseFlags, positiveDuration, share } from './erlang.js';

/** Used when neither a flag nor the export gives a value; each is reported as a default. */
const FALLBACK = { liveAhtSeconds: 360, asyncHandleSeconds: 600 } as const;
/** Share of first replies the async target asks for (Turnella's "90 % in 4 h" style). */
const REPLY_TARGET_SHARE = 0.9;

const wholeNumber = (what: string, min: number) =>
  flagValue(Number, (n) => Number.isInteger(n) && n >= min, `must be a whole number of ${what}`);

const ForecastFlags = z.object({
  horizon: flagValue(durationWithUnit, (s) => s >= 86_400 && s <= 104 * 604_800, 'must be between 1d and 104w (e.g. 12w)'),
  model: z.enum(MODEL_NAMES).optional(),
  averageWeeks: wholeNumber('weeks', 1),
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
  coverage: flagValue(parseCoverage, (c) => c !== undefined, 'must be 24/7 or days and hours like mon-fri 09-17'),
  hoursPerWeek: flagValue(Number, (n) => n > 0 && n <= 168, 'must be paid hours per FTE per week (e.g. 40)'),
  agents: flagValue(Number, (n) => Number.isFinite(n) && n >= 0, 'must be a number of agents (FTE)').optional(),
  leadTime: flagValue(durationWithUnit, (s) => s >= 0, 'must be a duration such as 4w'),
  ramp: flagValue(durationWithUnit, (s) => s >= 0, 'must be a duration such as 3w'),
  attrition: share('below one'),
  span: wholeNumber('agents per lead', 1),
  planOn: z.enum(['point', 'high']),
  format: z.enum(OUTPUT_FORMATS),
});

type Source = 'flag' | 'measured' | 'default';
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function forecastCommand(ctx: CliContext): Command {
  const command = new Command('forecast')
    .description('Forecast ticket volume and the team it needs: FTE per week, the gap, hire-by dates and team leads')
    .argument('[files...]', 'helpdesk exports (the bundled sample when none)')
    .option('--horizon <duration>', 'how far ahead to plan', '12w')
    .addOption(new Option('--model <name>', 'use this model instead of the backtest winner').choices([...MODEL_NAMES]))
    .option('--average-weeks <n>', 'weeks in the seasonal average model', '8')
    .option('--level <share>', 'prediction interval coverage', '80%')
    .option('--growth <rate>', 'extra growth on top of the model, e.g. 8%/month from a sales plan')
    .option('--event <date:change:length>', 'a launch or holiday, e.g. 2025-03-10:+40%:2w (repeatable)', collect)
    .option('--aht <duration>', 'chat/phone handle time (default: measured from the export, else 6m)')
    .option('--handle-time <duration>', 'handling time per email/web ticket, or "measured" to derive it from tickets solved per agent-day', '10m')
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
  command.action(async (files: string[], opts: Record<string, unknown>) => {
    const flags = parseFlags(ForecastFlags, opts);
    const loaded = await loadInput(files, opts as InputFlags, ctx);
    const profile = profileExport(loaded.table, loaded.tz);
    if (profile.tickets === 0) throw new UsageError('the export has no tickets with a creation time; nothing to forecast');
    const source = (name: string): Source => (command.getOptionValueSource(name) === 'cli' ? 'flag' : 'default');
    const measuredOr = (flagValue: number | undefined, measured: number | null, fallback: number) =>
      flagValue !== undefined
        ? { value: flagValue, source: 'flag' as Source }
        : measured !== null
          ? { value: measured, source: 'measured' as Source }
          : { value: fallback, source: 'default' as Source };

    const paidHoursPerDay = flags.hoursPerWeek / 5;
    const measuredHandle =
      profile.solvedPerAgentDay !== null
        ? (paidHoursPerDay * 3600 * (1 - flags.shrinkage) * flags.maxOccupancy) / profile.solvedPerAgentDay
        : null;
    const liveAht = measuredOr(flags.aht, profile.liveHandleMinutes === null ? null : profile.liveHandleMinutes * 60, FALLBACK.liveAhtSeconds);
    // Throughput measured from an export shows how busy the team was, not how long a ticket takes:
    // an under-loaded team looks slow. So it is used only when asked for.
    const asyncHandle =
      flags.handleTime === 'measured'
        ? measuredOr(undefined, measuredHandle, FALLBACK.asyncHandleSeconds)
        : { value: flags.handleTime, source: source('handleTime') };
    const agents = measuredOr(flags.agents, profile.activeAgents > 0 ? profile.activeAgents : null, 0);
    const liveTarget: SizingTarget =
      flags.asa !== undefined ? { kind: 'asa', targetSeconds: flags.asa } : { kind: 'service-level', target: flags.sl!.target };
    const events = (flags.event ?? []).map((e) => ({ startDay: keyToDayNumber(e!.date), change: e!.change, days: e!.days }));

    const result = forecastStaffing(profile, {
      horizonWeeks: Math.ceil(flags.horizon / 604_800),
      ...(flags.model !== undefined && { model: flags.model }),
      averageWeeks: flags.averageWeeks,
      level: flags.level,
      ...(flags.growth !== undefined && { growth: flags.growth }),
      events,
      staffing: {
        coverage: flags.coverage!,
        liveAhtSeconds: liveAht.value,
        thresholdSeconds: flags.sl!.thresholdSeconds,
        liveTarget,
        ...(flags.patience !== undefined && { patienceSeconds: flags.patience }),
        asyncHandleSeconds: asyncHandle.value,
        maxOccupancy: flags.maxOccupancy,
        shrinkage: flags.shrinkage,
        hoursPerWeek: flags.hoursPerWeek,
        minAgents: 1,
      },
      fteCurrent: agents.value,
      leadWeeks: flags.leadTime / 604_800,
      rampWeeks: flags.ramp / 604_800,
      earlyAttrition: flags.attrition,
      span: flags.span,
      planOn: flags.planOn,
      replyTarget: { seconds: flags.replyTarget, share: REPLY_TARGET_SHARE },
      tz: loaded.tz,
    });

    const assumptions = {
      timeZone: { value: loaded.tz, source: source('tz') },
      horizonWeeks: { value: Math.ceil(flags.horizon / 604_800), source: source('horizon') },
      intervalLevel: { value: flags.level, source: source('level') },
      averageWeeks: { value: flags.averageWeeks, source: source('averageWeeks') },
      growth: { value: opts.growth ?? null, source: source('growth') },
      events: { value: opts.event ?? [], source: source('event') },
      liveShare: { value: Number(profile.liveShare.toFixed(4)), source: 'measured' },
      liveAhtSeconds: { value: Math.round(liveAht.value), source: liveAht.source },
      asyncHandleSeconds: { value: Math.round(asyncHandle.value), source: asyncHandle.source },
      serviceLevel: liveTarget.kind === 'asa' ? { value: `ASA ${flags.asa}s`, source: 'flag' } : { value: opts.sl, source: source('sl') },
      patienceSeconds: { value: flags.patience ?? null, source: source('patience') },
      maxOccupancy: { value: flags.maxOccupancy, source: source('maxOccupancy') },
      shrinkage: { value: flags.shrinkage, source: source('shrinkage') },
      coverage: { value: opts.coverage, source: source('coverage') },
      hoursPerWeek: { value: flags.hoursPerWeek, source: source('hoursPerWeek') },
      agents: agents,
      leadTimeWeeks: { value: flags.leadTime / 604_800, source: source('leadTime') },
      rampWeeks: { value: flags.ramp / 604_800, source: source('ramp') },
      earlyAttrition: { value: flags.attrition, source: source('attrition') },
      span: { value: flags.span, source: source('span') },
      planOn: { value: flags.planOn, source: source('planOn') },
      replyTarget: { value: opts.replyTarget, share: REPLY_TARGET_SHARE, source: source('replyTarget') },
    };
    const report: ForecastReport = { input: loaded.input, result, assumptions, notes: [...loaded.notes, ...explain(profile, liveAht.source, asyncHandle.source, agents.source)] };
    for (const warning of result.warnings) warn(ctx, warning);
    if (result.firstReply && !result.firstReply.met) {
      warn(ctx, `the staffed peak week answers ${(result.firstReply.withinTarget * 100).toFixed(0)}% of email/web tickets within ${opts.replyTarget} of staffed time, short of ${REPLY_TARGET_SHARE * 100}%: plan more async hours or a longer target`);
    }
    ctx.stdout.write(renderForecast(report, flags.format, chalkFor(ctx)));
  });
  return command;
}

/** How each measured input was measured, so the user can judge it. */
function explain(profile: ExportProfile, aht: Source, handle: Source, agents: Source): string[] {
  const notes: string[] = [];
  if (aht === 'measured') notes.push(`chat/phone handle time: median created-to-solved time of ${profile.liveHandleSamples} live contacts under 2 hours`);
  if (handle === 'measured') notes.push(`email/web handle time: at most what is implied by ${profile.solvedPerAgentDay!.toFixed(1)} tickets solved per agent per day worked (${profile.agentDays} agent-days, last 8 weeks), at the planned shrinkage and occupancy`);
  if (agents === 'measured') notes.push(`current team: ${profile.activeAgents} assignees active in the last 4 weeks of the export, counted as full-time`);
  if (agents === 'default') notes.push('current team: unknown (no assignees in the export); give --agents');
  return notes;
}
