import { appendFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { evaluateRules, type Scope } from '../../check/evaluate.js';
import { parseRule, RuleError, type Rule } from '../../check/parse.js';
import { checkAnnotations, checkJson, checkJunit, checkMarkdown, checkTable, summaryLine, type CheckReport } from '../../render/check.js';
import { DEFAULT_MIN_SAMPLE, resolveCsatSatisfiedFrom } from '../../config/defaults.js';
import { ENV, envValue, resolveSetting } from '../../config/resolve.js';
import { CONFIG_FILE } from '../../config/load.js';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../settings.js';
import { computeMetrics } from '../../metrics/compute.js';
import { toJson } from '../../render/json.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { customerFiguresFor } from '../customer-figures.js';
import { EXIT, InputError, UsageError } from '../../errors.js';
import { collect, readWholeNumber, wholeNumber } from '../flags.js';
import { OMITTABLE_FIELDS } from '../../model/table.js';
import { addInputOptions, FILES_ARGUMENT, loadInput } from '../input.js';
import { writeFailure } from '../write-atomically.js';

const FORMATS = ['table', 'json', 'junit', 'github'] as const;
const BY = ['agent', 'group', 'channel', 'priority'] as const;

interface CheckFlags extends SharedFlags {
  rule?: string[];
  minSample?: string;
  allowInsufficient?: boolean;
  by?: (typeof BY)[number];
  format: (typeof FORMATS)[number];
  surveys?: string;
  accounts?: string;
}

/** Parses a rule from a flag or the config; a rule that cannot be read is a usage error. */
function readRule(spec: Parameters<typeof parseRule>[0], where?: string): Rule {
  try {
    return parseRule(spec, where);
  } catch (error) {
    if (error instanceof RuleError) throw new UsageError(error.message);
    throw error;
  }
}

export function checkCommand(ctx: CliContext): Command {
  const command = new Command('check')
    .description('Fail (exit 1) when a support metric crosses a threshold; for CI')
    .argument('[files...]', FILES_ARGUMENT)
    .option('--rule <rule>', 'a rule like "firstReply.p90 <= 4h" (repeatable; replaces the config\'s rules)', collect)
    .option('--min-sample <n>', `fewest data points a metric needs to be judged (default ${DEFAULT_MIN_SAMPLE})`)
    .option('--allow-insufficient', 'let metrics with too little data pass instead of failing')
    .addOption(new Option('--by <dimension>', 'judge every agent/group/channel/priority on its own').choices([...BY]))
    .option('--surveys <file>', 'NPS/CES/CSAT survey answers (CSV or JSON), for surveys.* rules')
    .option('--accounts <file>', 'monthly account revenue (CSV or JSON), for accounts.* rules')
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'));
  addSettingsOptions(command);
  addInputOptions(command);
  return command.action(async (files: string[], flags: CheckFlags) => {
    const settings = await resolveRunSettings(command, flags, ctx);
    const { config } = settings;
    // Rules are parsed before any data is read, so a typo fails fast with exit 2.
    let rules: Rule[];
    if (flags.rule && flags.rule.length > 0) rules = flags.rule.map((r) => readRule(r));
    else rules = (config.check?.rules ?? []).map((r, i) => readRule(r, `${settings.configPath ?? CONFIG_FILE}: check.rules[${i}]`));
    if (rules.length === 0) throw new UsageError(`no rules to check: give --rule "firstReply.p90 <= 4h" or "check.rules" in ${CONFIG_FILE}`);
    const minSampleFlag = flags.minSample === undefined ? undefined : wholeNumber('--min-sample', flags.minSample, 1);
    const minSample = resolveSetting(
      { flag: minSampleFlag, env: envValue(ctx.env, ENV.minSample, (t) => readWholeNumber(t, 1), 'a whole number of at least 1'), config: config.check?.minSample },
      DEFAULT_MIN_SAMPLE,
    ).value;
    const allowInsufficient = flags.allowInsufficient ?? config.check?.allowInsufficient ?? false;
    const by = flags.by ?? config.check?.by ?? null;
    const needsSurveys = rules.some((r) => r.metric.path.startsWith('surveys.'));
    const needsAccounts = rules.some((r) => r.metric.path.startsWith('accounts.'));
    if (needsSurveys && flags.surveys === undefined) throw new UsageError('a rule names a surveys.* metric: give --surveys FILE');
    if (needsAccounts && flags.accounts === undefined) throw new UsageError('a rule names an accounts.* metric: give --accounts FILE');

    // Requesters and organisations matter only to join tickets with accounts; no rule reads tags.
    const loaded = await loadInput(files, settings.input, ctx, needsAccounts ? ['requesterContact', 'tags'] : OMITTABLE_FIELDS);
    for (const note of loaded.notes) warn(ctx, `note: ${note}`);
    const metrics = computeMetrics(loaded.table, {
      tz: loaded.tz,
      ...(by ? { by: [by] } : {}),
      slaMinutes: settings.targets.firstReplyMinutes,
      csatSatisfiedFrom: resolveCsatSatisfiedFrom(config),
      input: loaded.input,
    });
    const customer = await customerFiguresFor(flags, loaded, settings, ctx);
    for (const note of customer.notes) warn(ctx, `note: ${note}`);
    const overall: Scope = { name: 'all', values: { ...metrics.summary, surveys: customer.surveys, accounts: customer.accounts } };
    // Tickets without an agent/group/… are not a team of their own: they count in the totals only.
    const groups = by ? (metrics.groups[by] ?? []).filter((g) => g.keys[by] != null).map((g): Scope => ({ name: g.key, values: g })) : null;
    const result = evaluateRules(rules, overall, groups, { minSample, allowInsufficient });
    const report: CheckReport = { ...result, minSample, allowInsufficient, by };
    if (!report.passed) ctx.exitCode = EXIT.checkFailed;

    switch (flags.format) {
      case 'json':
        ctx.stdout.write(toJson(checkJson(report)));
        break;
      case 'junit':
        ctx.stdout.write(checkJunit(report));
        break;
      case 'github': {
        ctx.stdout.write(checkAnnotations(report));
        const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
        if (summaryFile) {
          try {
            await appendFile(summaryFile, checkMarkdown(report));
          } catch (error) {
            throw new InputError(summaryFile, `cannot append the step summary (${writeFailure(error)})`);
          }
        }
        break;
      }
      default:
        ctx.stdout.write(checkTable(report, chalkFor(ctx)));
    }
    if (flags.format !== 'table' && flags.format !== 'github') warn(ctx, summaryLine(report));
  });
}

