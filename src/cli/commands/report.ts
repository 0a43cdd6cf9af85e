import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { resolveBusinessHours } from '../../config/defaults.js';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../../config/settings.js';
import { csatSatisfiedMin010, loadCustomerFigures } from '../../ingest/customer-inputs.js';
import { reportHtml } from '../../render/html-report.js';
import { buildReport, type ReportOptions } from '../../render/report-data.js';
import { reportMarkdown } from '../../render/report-markdown.js';
import { reportTerminal } from '../../render/report-terminal.js';
import { toJson } from '../../render/json.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { InputError } from '../errors.js';
import { readChecklistState } from '../checklist-state.js';
import { MAX_PEOPLE, periodBounds, wholeNumber } from '../flags.js';
import { addInputOptions, FILES_ARGUMENT, loadInput } from '../input.js';

const FORMATS = ['table', 'markdown', 'json'] as const;

interface ReportFlags extends SharedFlags {
  format: (typeof FORMATS)[number];
  headcount?: string;
  html?: string;
  surveys?: string;
  accounts?: string;
  showRequesters?: boolean;
}

/** Writes next to the target, then renames: a reader never sees half a report. */
async function writeAtomically(target: string, shown: string, content: string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new InputError(shown, `cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** --headcount, else the sizes saved in .csops/checklist.json; undefined when the size is unknown. */
async function checklistOptions(flags: ReportFlags, ctx: CliContext): Promise<ReportOptions['checklist']> {
  const given = flags.headcount !== undefined ? wholeNumber('--headcount', flags.headcount, 1, MAX_PEOPLE) : undefined;
  const state = await readChecklistState(ctx.cwd);
  const headcount = given ?? state.company.headcount;
  if (headcount === undefined) return undefined;
  return { headcount, state, ...(state.company.team !== undefined ? { team: state.company.team } : {}) };
}

export function reportCommand(ctx: CliContext): Command {
  const command = new Command('report')
    .description('One-page support report: volume, first reply, resolution, quality, backlog, peak hours, agents and what to look at')
    .argument('[files...]', FILES_ARGUMENT)
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'))
    .option('--html <file>', 'also write a self-contained HTML report with charts (- for stdout)')
    .option('--surveys <file>', 'NPS/CES/CSAT survey answers (CSV or JSON)')
    .option('--accounts <file>', 'monthly account revenue (CSV or JSON): churn, MRR churn, expansion, re-purchase')
    .option('--headcount <n>', 'company size in people: adds the growth stage checklist in brief (default: the one saved by csops checklist)')
    .option('--show-requesters', 'list the requester (email, else name) of the oldest open tickets; hidden by default as personal data');
  addSettingsOptions(command);
  addInputOptions(command);
  return command.action(async (files: string[], flags: ReportFlags) => {
    const settings = await resolveRunSettings(command, flags, ctx);
    const checklist = await checklistOptions(flags, ctx);
    const { from: _from, to: _to, ...input } = settings.input;
    const { tz } = input;
    // The whole export is read, so the trend can see before --from.
    const bounds = periodBounds(flags.from, flags.to, tz);
    const loaded = await loadInput(files, input, ctx);
    const csatMin = csatSatisfiedMin010(settings.config);
    const customer = await loadCustomerFigures(flags, {
      config: settings.config,
      tz,
      table: loaded.table,
      concentrationThreshold: settings.targets.revenueConcentration,
    });
    const data = buildReport(loaded.table, customer, {
      tz,
      ...bounds,
      targets: settings.targets,
      businessHours: resolveBusinessHours(settings.config),
      csatSatisfiedMin010: csatMin,
      input: loaded.input,
      usedSample: loaded.usedSample,
      inputNotes: loaded.notes,
      ...(checklist ? { checklist } : {}),
      showRequesters: flags.showRequesters === true,
    });
    if (flags.html !== undefined) {
      if (flags.html === '-') ctx.stdout.write(reportHtml(data));
      else {
        await writeAtomically(resolve(ctx.cwd, flags.html), flags.html, reportHtml(data));
        warn(ctx, `wrote ${flags.html}`);
      }
      if (command.getOptionValueSource('format') !== 'cli') return;
    }
    if (flags.format === 'json') ctx.stdout.write(toJson(data));
    else if (flags.format === 'markdown') ctx.stdout.write(reportMarkdown(data));
    else ctx.stdout.write(reportTerminal(data, chalkFor(ctx)));
  });
}
