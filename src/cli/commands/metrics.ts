import { Command, Option } from 'commander';
import { z } from 'zod';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../settings.js';
import { resolveCsatSatisfiedFrom } from '../../config/defaults.js';
import { computeMetrics } from '../../metrics/compute.js';
import { DIMENSIONS } from '../../metrics/types.js';
import { METRICS_FORMATS, renderMetrics } from '../../render/metrics.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { collect, flagMinutes, parseFlags, periodBounds } from '../flags.js';
import { OMITTABLE_FIELDS } from '../../model/table.js';
import { addInputOptions, FILES_ARGUMENT, loadInput } from '../input.js';

interface MetricsFlags extends SharedFlags {
  by?: string[];
  sla?: string;
  format: string;
}

const MetricsFlagsSchema = z.object({
  by: z
    .array(z.string())
    .default([])
    .transform((values) => values.flatMap((v) => v.split(',')).map((v) => v.trim()))
    .pipe(
      z
        .array(z.enum(DIMENSIONS, { message: `must be one of ${DIMENSIONS.join(', ')}` }))
        .max(3, 'splits at most three ways')
        .refine((dims) => new Set(dims).size === dims.length, 'names a dimension twice'),
    ),
  format: z.enum(METRICS_FORMATS),
});

export function metricsCommand(ctx: CliContext): Command {
  const command = new Command('metrics')
    .description('Support metrics of a ticket export: volume, first reply, resolution, FCR, CSAT, service level, by agent/group/channel/time')
    .argument('[files...]', FILES_ARGUMENT)
    .option('--by <dimension>', `split by ${DIMENSIONS.join('|')} (a week is named by its Monday); repeat or comma-separate for a cross split`, collect)
    .option('--sla <duration>', 'first reply target for the service level (same as --first-reply-target; default 1h)')
    .addOption(new Option('--format <format>', 'output format').choices([...METRICS_FORMATS]).default('table'));
  addSettingsOptions(command);
  addInputOptions(command);
  return command.action(async (files: string[], raw: MetricsFlags) => {
    const flags = parseFlags(MetricsFlagsSchema, raw);
    if (raw.sla !== undefined && raw.firstReplyTarget !== undefined) {
      throw new UsageError('--sla: give either --sla or --first-reply-target, not both');
    }
    if (raw.sla !== undefined) flagMinutes(raw.sla, '--sla');
    const settings = await resolveRunSettings(command, { ...raw, ...(raw.sla !== undefined ? { firstReplyTarget: raw.sla } : {}) }, ctx);
    const bounds = periodBounds(raw.from, raw.to, settings.input.tz);
    // The whole export is read: tickets from before --from still make up the backlog at its start.
    const { from: _from, to: _to, ...input } = settings.input;
    // No metric looks at requesters, organisations or tags.
    const loaded = await loadInput(files, input, ctx, OMITTABLE_FIELDS);
    const result = computeMetrics(loaded.table, {
      tz: loaded.tz,
      ...bounds,
      by: flags.by,
      slaMinutes: settings.targets.firstReplyMinutes,
      csatSatisfiedFrom: resolveCsatSatisfiedFrom(settings.config),
      input: loaded.input,
    });
    result.notes.unshift(...loaded.notes);
    ctx.stdout.write(renderMetrics(result, flags.format, chalkFor(ctx)));
    // A spreadsheet file has no place for notes; they go to the terminal instead.
    if (flags.format === 'csv' || flags.format === 'tsv') for (const note of result.notes) warn(ctx, `note: ${note}`);
  });
}
