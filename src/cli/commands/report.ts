import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { resolveBusinessHours, resolveCsatSatisfiedFrom } from '../../config/defaults.js';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../settings.js';
import { reportHtml } from '../../render/html-report.js';
import { MAX_PEOPLE, type ChecklistState } from '../../playbook/state.js';
import { buildReport, type ReportOptions } from '../../report/report-data.js';
import { reportMarkdown } from '../../render/report-markdown.js';
import { reportTerminal } from '../../render/report-terminal.js';
import { toJson } from '../../render/json.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { customerFiguresFor } from '../customer-figures.js';
import { InputError } from '../../errors.js';
import { readChecklistState } from '../checklist-state.js';
import { writeAtomically, writeFailure } from '../write-atomically.js';
import { periodBounds, wholeNumber } from '../flags.js';
import type { OmittableField } from '../../model/table.js';
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

/**
 * --headcount, else the sizes saved in .csops/checklist.json; undefined when the size is unknown.
 * A saved checklist that cannot be read is warned about and left out: it must not cost the
 * reader the whole report.
 */
async function checklistOptions(flags: ReportFlags, ctx: CliContext): Promise<ReportOptions['checklist']> {
  const given = flags.headcount !== undefined ? wholeNumber('--headcount', flags.headcount, 1, MAX_PEOPLE) : undefined;
  let state: ChecklistState | undefined;
  try {
    state = await readChecklistState(ctx.cwd);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    warn(ctx, `${error.message}; the report goes on without the saved checklist`);
  }
  const headcount = given ?? state?.company.headcount;
  if (headcount === undefined) return undefined;
  if (state === undefined) return { headcount };
  return { headcount, state, ...(state.company.team !== undefined ? { team: state.company.team } : {}) };
}

async function writeHtml(ctx: CliContext, shown: string, html: string): Promise<void> {
  try {
    await writeAtomically(resolve(ctx.cwd, shown), html);
  } catch (error) {
    throw new InputError(shown, `cannot write the report (${writeFailure(error)})`);
  }
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
    // Requesters are read only to be shown or joined with accounts, organisations only to be joined.
    const omit: OmittableField[] = [
      ...(flags.showRequesters ? [] : (['requesterContact'] as const)),
      ...(flags.showRequesters || flags.accounts !== undefined ? [] : (['requester'] as const)),
      ...(flags.accounts === undefined ? (['organization'] as const) : []),
    ];
    const loaded = await loadInput(files, input, ctx, omit);
    const customer = await customerFiguresFor(flags, loaded, settings, ctx);
    const data = buildReport(loaded.table, customer, {
      tz,
      ...bounds,
      targets: settings.targets,
      businessHours: resolveBusinessHours(settings.config),
      csatSatisfiedFrom: resolveCsatSatisfiedFrom(settings.config),
      input: loaded.input,
      usedSample: loaded.usedSample,
      inputNotes: loaded.notes,
      ...(checklist ? { checklist } : {}),
      showRequesters: flags.showRequesters === true,
    });
    if (flags.html !== undefined) {
      if (flags.html === '-') ctx.stdout.write(reportHtml(data));
      else {
        await writeHtml(ctx, flags.html, reportHtml(data));
        warn(ctx, `wrote ${flags.html}`);
      }
      if (command.getOptionValueSource('format') !== 'cli') return;
    }
    if (flags.format === 'json') ctx.stdout.write(toJson(data));
    else if (flags.format === 'markdown') ctx.stdout.write(reportMarkdown(data));
    else ctx.stdout.write(reportTerminal(data, chalkFor(ctx)));
  });
}
