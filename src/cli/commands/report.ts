import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { resolveBusinessHours } from '../../config/defaults.js';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../../config/settings.js';
import { csatSatisfiedMin010, loadCustomerFigures } from '../../ingest/customer-inputs.js';
import { startOfDayNumber } from '../../metrics/period.js';
import { keyToDayNumber } from '../../model/time.js';
import { reportHtml } from '../../render/html-report.js';
import { buildReport, type ReportOptions } from '../../render/report-data.js';
import { reportMarkdown } from '../../render/report-markdown.js';
import { reportTerminal } from '../../render/report-terminal.js';
import { toJson } from '../../render/json.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { InputError, UsageError } from '../errors.js';
import { readChecklistState } from '../checklist-state.js';
import { addInputOptions, loadInput } from '../input.js';

const FORMATS = ['table', 'markdown', 'json'] as const;

interface ReportFlags extends SharedFlags {
  format: (typeof FORMATS)[number];
  headcount?: string;
  html?: string;
  surveys?: string;
  accounts?: string;
  showRequesters?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** --from/--to as instants: the report reads the whole export so the trend can see before --from. */
function periodBounds(flags: ReportFlags, tz: string): { from?: number; to?: number } {
  const bound = (flag: 'from' | 'to', offset: number) => {
    const text = flags[flag];
    if (text === undefined) return undefined;
    if (!DAY.test(text)) throw new UsageError(`--${flag}: "${text}" must be a day as YYYY-MM-DD`);
    return startOfDayNumber(keyToDayNumber(text) + offset, tz);
  };
  const from = bound('from', 0);
  const to = bound('to', 1);
  if (from !== undefined && to !== undefined && to <= from) throw new UsageError('--to must not be before --from');
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
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
  if (flags.headcount !== undefined && !/^[1-9]\d{0,7}$/.test(flags.headcount)) {
    throw new UsageError(`--headcount: "${flags.headcount}" must be a whole number of people, at least 1`);
  }
  const state = await readChecklistState(ctx.cwd);
  const headcount = flags.headcount !== undefined ? Number(flags.headcount) : state.company.headcount;
  if (headcount === undefined) return undefined;
  return { headcount, state, ...(state.company.team !== undefined ? { team: state.company.team } : {}) };
}

export function reportCommand(ctx: CliContext): Command {
  const command = new Command('report')
    .description('One-page support report: volume, first reply, resolution, quality, backlog, peak hours, agents and what to look at')
    .argument('[files...]', 'ticket exports (CSV, JSON or NDJSON; - for stdin); the bundled sample when none')
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
    const tz = input.tz!;
    const bounds = periodBounds(flags, tz);
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
