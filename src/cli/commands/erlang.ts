import { Command, Option } from 'commander';
import { z } from 'zod';
import { renderErlang, type ErlangReport } from '../../render/erlang.js';
import { positionsWithShrinkage } from '../../staffing/erlang.js';
import { evaluate, size, trafficOf, type IntervalLoad, type SizingTarget } from '../../staffing/queue-model.js';
import { chalkFor, type CliContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { fraction } from '../flag-values.js';
import { duration, flagValue, OUTPUT_FORMATS, parseFlags, positiveDuration, share, wholeNumberFlag } from '../flags.js';

const ErlangFlags = z
  .object({
    volume: flagValue(Number, (n) => Number.isFinite(n) && n > 0, 'must be a positive number of contacts'),
    interval: positiveDuration,
    aht: positiveDuration,
    threshold: duration,
    agents: wholeNumberFlag(1).optional(),
    targetSl: flagValue(fraction, (p) => p > 0 && p < 1, 'must be a share between 0 and 1 (0.8 or 80%)').optional(),
    targetAsa: positiveDuration.optional(),
    maxOccupancy: share('up to one'),
    maxAbandon: share('up to one').optional(),
    shrinkage: share('below one'),
    patience: positiveDuration.optional(),
    format: z.enum(OUTPUT_FORMATS),
  })
  .refine((f) => [f.agents, f.targetSl, f.targetAsa].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of --agents (evaluate), --target-sl or --target-asa (size)',
  });

export function erlangCommand(ctx: CliContext): Command {
  const command = new Command('erlang')
    .description('Erlang C (or, with --patience, Erlang A) for one interval: evaluate a staffing level or size one')
    .requiredOption('--volume <n>', 'contacts arriving in the interval')
    .option('--interval <duration>', 'interval length (s, m, h)', '1h')
    .requiredOption('--aht <duration>', 'average handle time, talk plus wrap-up (e.g. 300s, 5m)')
    .option('--threshold <duration>', 'service-level answer threshold', '20s')
    .option('--agents <n>', 'evaluate this many agents')
    .option('--target-sl <share>', 'size for this service level within --threshold (0.8 or 80%)')
    .option('--target-asa <duration>', 'size for this average speed of answer')
    .option('--max-occupancy <share>', 'highest acceptable occupancy when sizing', '0.85')
    .option('--shrinkage <share>', 'share of paid time away from the queue, added back as positions', '0')
    .option('--patience <duration>', 'mean time before a waiting customer gives up: switches to Erlang A')
    .option('--max-abandon <share>', 'with --patience: highest acceptable share of customers giving up')
    .addOption(new Option('--format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('table'))
    .action((opts: Record<string, string>) => {
      const flags = parseFlags(ErlangFlags, opts);
      const load: IntervalLoad = {
        volume: flags.volume,
        intervalSeconds: flags.interval,
        ahtSeconds: flags.aht,
        thresholdSeconds: flags.threshold,
        ...(flags.patience !== undefined && { patienceSeconds: flags.patience }),
      };
      const traffic = trafficOf(load);
      let report: ErlangReport;
      if (flags.agents !== undefined) {
        if (load.patienceSeconds === undefined && flags.agents <= traffic) {
          throw new UsageError(
            `--agents: ${flags.agents} agents cannot keep up with ${traffic.toFixed(2)} Erlangs; the queue grows without end (Erlang C needs more than ${Math.floor(traffic)})`,
          );
        }
        const level = evaluate(load, flags.agents);
        report = { ...level, positions: positionsWithShrinkage(level.agents, flags.shrinkage), thresholdSeconds: flags.threshold, shrinkage: flags.shrinkage };
      } else {
        const target: SizingTarget =
          flags.targetSl !== undefined
            ? { kind: 'service-level', target: flags.targetSl }
            : { kind: 'asa', targetSeconds: flags.targetAsa! };
        const sizing = size(load, {
          target,
          maxOccupancy: flags.maxOccupancy,
          shrinkage: flags.shrinkage,
          ...(flags.maxAbandon !== undefined && { maxAbandon: flags.maxAbandon }),
        });
        report = { ...sizing, thresholdSeconds: flags.threshold, shrinkage: flags.shrinkage };
      }
      ctx.stdout.write(renderErlang(report, flags.format, chalkFor(ctx)));
    });
  return command;
}
