import { Command, Option } from 'commander';
import { z } from 'zod';
import { formatMinutes, parseDurationSeconds } from '../../model/duration.js';
import { addConfigOption, resolveRunSettings, type SharedFlags } from '../settings.js';
import { formatInstant, wallClockToEpoch } from '../../model/time.js';
import { classMix, learnProfile, parsePoissonRate, poissonArrivals, replayArrivals, type Arrivals } from '../../queue/arrivals.js';
import { DEFAULT_WIDESPREAD_TAGS } from '../../queue/classes.js';
import { comparePolicies, STREAM } from '../../queue/compare.js';
import { describeDistribution, empirical, parseDistribution, type Distribution } from '../../queue/distributions.js';
import { MORNING_INBOX_DEFAULTS, morningInbox } from '../../queue/morning-inbox.js';
import { DEFAULT_POLICIES, parsePolicies } from '../../queue/policy-names.js';
import { subSeed, uniformSource } from '../../queue/random.js';
import { parseHours, staffingFor } from '../../queue/schedule.js';
import { renderSimulation, SIMULATE_FORMATS, type SimulationReport } from '../../render/simulate.js';
import { MIN_AHT_SAMPLES } from '../../staffing/export-profile.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { UsageError } from '../../errors.js';
import { durationProblem, flagValue, parseFlags, wholeNumberFlag } from '../flags.js';
import { addInputOptions, FILES_ARGUMENT, loadInput, type InputFlags, type LoadedInput } from '../input.js';
import { readSpecFlag } from '../spec-flag.js';

interface RawFlags extends InputFlags {
  policy: string;
  agents?: string;
  hours: string;
  handleTime: string;
  seed: string;
  arrivals?: string;
  profile?: boolean;
  horizon?: string;
  warmup?: string;
  ageCap?: string;
  scenario?: string;
  batch: string;
  oldest: string;
  newest: string;
  clearTime: string;
  patience?: string;
  sla: string;
  widespreadTags: string;
  format: string;
  watch?: boolean;
}

const DAY = 86_400;
/** Synthetic runs start on a fixed Monday so a seed gives the same calendar every day. */
const SYNTHETIC_START = { year: 2024, month: 1, day: 1 };

/** A duration flag in whole seconds (the simulator's clock); a bare number is minutes, as in --handle-time. */
const seconds = (positive = true) =>
  flagValue(parseDurationSeconds, (s) => s > 0 || (!positive && s === 0), durationProblem(positive)).transform((s) => Math.round(s));

const FlagsSchema = z.object({
  agents: wholeNumberFlag(1).optional(),
  seed: wholeNumberFlag(0),
  batch: wholeNumberFlag(1),
  horizon: seconds().optional(),
  warmup: seconds(false).optional(),
  ageCap: seconds().optional(),
  oldest: seconds(),
  newest: seconds(false),
  clearTime: seconds(),
  sla: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(seconds())),
  format: z.enum(SIMULATE_FORMATS),
});
type Flags = z.output<typeof FlagsSchema>;

interface Plan {
  arrivals: Arrivals;
  handle: Distribution;
  from: number;
  end: number;
  measureFrom: number;
  agents: number;
  hoursText: string;
  label: string;
  input: LoadedInput | null;
  staffing?: ReturnType<typeof staffingFor>;
}

function syntheticStart(tz: string): number {
  return wallClockToEpoch(SYNTHETIC_START.year, SYNTHETIC_START.month, SYNTHETIC_START.day, 0, 0, 0, tz) / 1000;
}

function morningPlan(raw: RawFlags, flags: Flags, agents: number, tz: string, handle: Distribution | undefined): Plan {
  const scenario = morningInbox({
    batch: flags.batch,
    oldestSeconds: flags.oldest,
    newestSeconds: flags.newest,
    clearSeconds: flags.clearTime,
    agents,
    start: syntheticStart(tz) + 9 * 3600,
    ...(handle && { handle }),
  });
  if (scenario.arrivals.arrival[0]! > scenario.arrivals.arrival[scenario.arrivals.arrival.length - 1]!) {
    throw new UsageError('--oldest: must be older than --newest');
  }
  return {
    arrivals: scenario.arrivals,
    handle: scenario.handle,
    from: scenario.arrivals.arrival[0]!,
    end: scenario.end,
    measureFrom: scenario.measureFrom,
    agents,
    hoursText: 'from the start of the batch, no shift end',
    label: `morning inbox (${flags.batch} messages ${raw.oldest} to ${raw.newest} old, cleared in ${raw.clearTime})`,
    input: null,
    staffing: scenario.staffing,
  };
}

/**
 * The handling time to simulate: --handle-time when given, else the export's recorded handling
 * times resampled (Intercom and Zendesk time tracking record them), else the flag's default.
 */
function handlingTime(given: Distribution, flagGiven: boolean, input: LoadedInput | null, ctx: CliContext): Distribution {
  if (flagGiven || input === null) return given;
  const recorded = empirical(Array.from(input.table.handleMinutes, (minutes) => minutes * 60));
  if (recorded && recorded.values.length >= MIN_AHT_SAMPLES) {
    warn(ctx, `note: handling times resampled from the ${recorded.values.length} the export records (mean ${formatMinutes(recorded.mean / 60)}); --handle-time overrides them`);
    return recorded;
  }
  warn(ctx, `note: the export records no handling time for enough tickets; each takes ${describeDistribution(given)} (set --handle-time)`);
  return given;
}

async function arrivalPlan(files: string[], raw: RawFlags, flags: Flags, tz: string, ctx: CliContext, agents: number, flagHandle: Distribution, handleGiven: boolean, tags: string[]): Promise<Plan> {
  const poisson = raw.arrivals === undefined ? undefined : readSpecFlag('--arrivals', () => parsePoissonRate(raw.arrivals!));
  const needsExport = poisson === undefined || raw.profile === true || files.length > 0;
  const input = needsExport ? await loadInput(files, raw, ctx) : null;
  const handle = handlingTime(flagHandle, handleGiven, input, ctx);
  const exported = input ? replayArrivals(input.table, tags) : undefined;
  if (poisson === undefined) {
    const arrivals = exported!;
    const n = arrivals.arrival.length;
    const from = n > 0 ? arrivals.arrival[0]! : 0;
    const end = flags.horizon !== undefined ? from + flags.horizon : (n > 0 ? arrivals.arrival[n - 1]! : 0) + DAY;
    return {
      arrivals,
      handle,
      from,
      end,
      measureFrom: from + (flags.warmup ?? 0),
      agents,
      hoursText: raw.hours,
      label: `replay of ${input!.usedSample ? 'the bundled sample' : input!.input.files.join(', ')}`,
      input,
    };
  }
  const from = syntheticStart(tz);
  const end = from + (flags.horizon ?? 30 * DAY);
  const measureFrom = from + (flags.warmup ?? DAY);
  if (measureFrom >= end) throw new UsageError('--warmup: must be shorter than --horizon');
  const shaped = exported && exported.arrival.length > 0;
  const arrivals = poissonArrivals(
    {
      ratePerSecond: poisson,
      from,
      to: end,
      ...(shaped ? { profile: { weights: learnProfile(exported, tz), tz }, mix: classMix(exported) } : {}),
    },
    uniformSource(subSeed(flags.seed, STREAM.arrivals)),
  );
  const shape = shaped ? ', shaped by the export’s weekday × hour pattern and class mix' : '';
  return { arrivals, handle, from, end, measureFrom, agents, hoursText: raw.hours, label: `${raw.arrivals}${shape}`, input };
}

/** Share of tickets still waiting at the end above which wait statistics mislead without a warning. */
const OVERLOAD_SHARE = 0.05;

/**
 * Wait statistics cover answered tickets only, so a team that cannot keep up looks better the
 * more it starves: say so when many tickets are left waiting.
 */
function warnIfOverloaded(ctx: CliContext, report: SimulationReport): void {
  const { tickets } = report.settings;
  const worst = Math.max(0, ...report.comparison.policies.map((p) => p.unansweredAtEnd));
  if (tickets > 0 && worst / tickets > OVERLOAD_SHARE) {
    warn(
      ctx,
      `the team does not keep up: up to ${worst} of ${tickets} tickets are still waiting at the end; waits describe answered tickets only, so read "unanswered at end" and "oldest waiting" with them`,
    );
  }
}

export function simulateCommand(ctx: CliContext): Command {
  const command = new Command('simulate')
    .description('Compare queue orders (oldest first, newest first, triage…) on your tickets with a seeded discrete-event simulation')
    .argument('[files...]', FILES_ARGUMENT)
    .option('--policy <list>', 'policies to compare: fifo, newest-first (lifo), triage, triage-newest, sla-first, split=<k>, each optionally +age-cap=<duration>', DEFAULT_POLICIES.join(','))
    .option('--agents <n>', 'agents per shift (default 4; 1 for --scenario morning-inbox)')
    .option('--hours <spec>', 'when agents work, in --tz: "Mon-Fri 09:00-17:00", several joined by ";" with "=n" headcounts, or 24/7', 'Mon-Fri 09:00-17:00')
    .option(
      '--handle-time <dist>',
      'handling time per ticket: 8m, fixed:8m, exp:8m or lognormal:8m,4m; when not given, an export’s recorded handling times if it has them',
      'exp:8m',
    )
    .option('--seed <n>', 'random seed: the same seed gives the same numbers', '1')
    .option('--arrivals <rate>', 'synthetic Poisson arrivals instead of replay, e.g. poisson:40/h (units s, m, h, d)')
    .option('--profile', 'with --arrivals: shape the rate by the export’s weekday × hour pattern and class mix (implied when files are given)')
    .option('--horizon <duration>', 'simulated time (default 30d for --arrivals; replay: until a day after the last ticket)')
    .option('--warmup <duration>', 'tickets arriving in this first stretch are simulated but not counted (default 1d for --arrivals, 0 for replay)')
    .option('--age-cap <duration>', 'on newest-first policies: a ticket waiting longer than this goes to the front')
    .addOption(new Option('--scenario <name>', 'a static batch instead of arrivals').choices(['morning-inbox']))
    .option('--batch <n>', 'morning-inbox: messages waiting', String(MORNING_INBOX_DEFAULTS.batch))
    .option('--oldest <duration>', 'morning-inbox: age of the oldest message', MORNING_INBOX_DEFAULTS.oldest)
    .option('--newest <duration>', 'morning-inbox: age of the newest message', MORNING_INBOX_DEFAULTS.newest)
    .option('--clear-time <duration>', 'morning-inbox: time the team needs for the whole inbox', MORNING_INBOX_DEFAULTS.clearTime)
    .option('--patience <dist>', 'how long customers wait before giving up, e.g. exp:4h; reports the share answered in time')
    .option('--sla <list>', 'first-reply targets to report shares for', '1h,4h,24h')
    .option('--widespread-tags <list>', 'tags (or parts of tags) marking a widespread problem', DEFAULT_WIDESPREAD_TAGS.join(','))
    .option('--watch', 'in a terminal, animate the queue over simulated time before the report')
    .addOption(new Option('--format <format>', 'output format').choices([...SIMULATE_FORMATS]).default('table'));
  addInputOptions(command);
  addConfigOption(command);
  return command.action(async (files: string[], given: RawFlags & SharedFlags) => {
    const flags = parseFlags(FlagsSchema, given);
    // The config's time zone and column map apply to the export and to the shift hours.
    const settings = await resolveRunSettings(command, given, ctx);
    const raw: RawFlags = { ...given, ...settings.input };
    const { tz } = settings.input;
    const policies = readSpecFlag('--policy', () => parsePolicies(raw.policy.split(',').filter((p) => p.trim() !== ''), raw.ageCap));
    if (policies.length === 0) throw new UsageError('--policy: name at least one policy');
    const handleGiven = command.getOptionValueSource('handleTime') === 'cli';
    const handle = readSpecFlag('--handle-time', () => parseDistribution(raw.handleTime));
    const patience = raw.patience === undefined ? undefined : readSpecFlag('--patience', () => parseDistribution(raw.patience!));
    const hours = readSpecFlag('--hours', () => parseHours(raw.hours));
    const slaMinutes = [...new Set(flags.sla.map((s) => s / 60))].sort((a, b) => a - b);
    const tags = raw.widespreadTags.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t !== '');

    let plan: Plan;
    if (raw.scenario === 'morning-inbox') {
      if (files.length > 0 || raw.arrivals) throw new UsageError('--scenario: morning-inbox is a fixed batch; it reads no export and no --arrivals');
      if (command.getOptionValueSource('hours') === 'cli') warn(ctx, '--hours is ignored by --scenario morning-inbox: the team works the batch from its start');
      plan = morningPlan(raw, flags, flags.agents ?? MORNING_INBOX_DEFAULTS.agents, tz, handleGiven ? handle : undefined);
    } else {
      if (raw.profile && raw.arrivals === undefined) throw new UsageError('--profile: only shapes synthetic --arrivals; a replay already follows the export');
      plan = await arrivalPlan(files, raw, flags, tz, ctx, flags.agents ?? 4, handle, handleGiven, tags);
    }
    const staffing = plan.staffing ?? staffingFor(hours, plan.agents, plan.from, plan.end, tz);
    const watching = raw.watch === true && ctx.stdout.isTTY === true;
    if (raw.watch && !watching) warn(ctx, '--watch needs a terminal; printing the report only');

    const comparison = comparePolicies({
      arrivals: plan.arrivals,
      policies,
      handle: plan.handle,
      ...(patience ? { patience } : {}),
      seed: flags.seed,
      staffing,
      end: plan.end,
      measureFrom: plan.measureFrom,
      slaMinutes,
      ...(watching ? { traceEvery: Math.max(1, Math.ceil((plan.end - plan.from) / 240)) } : {}),
    });
    const report: SimulationReport = {
      input: plan.input?.input ?? null,
      settings: {
        arrivals: plan.label,
        tickets: plan.arrivals.arrival.filter((t) => t <= plan.end).length,
        from: formatInstant(plan.from * 1000, tz),
        to: formatInstant(plan.end * 1000, tz),
        warmupUntil: plan.measureFrom > plan.from ? formatInstant(plan.measureFrom * 1000, tz) : null,
        agents: plan.agents,
        hours: plan.hoursText,
        tz,
        handleTime: describeDistribution(plan.handle),
        patience: patience ? describeDistribution(patience) : null,
        seed: flags.seed,
        slaMinutes,
      },
      comparison,
    };
    if (plan.input) for (const note of plan.input.notes) warn(ctx, `note: ${note}`);
    warnIfOverloaded(ctx, report);
    if (watching) {
      const { watchSimulation } = await import('../../render/simulate-watch.js');
      await watchSimulation(comparison, ctx.stdout as NodeJS.WriteStream);
    }
    ctx.stdout.write(renderSimulation(report, flags.format, chalkFor(ctx)));
  });
}
