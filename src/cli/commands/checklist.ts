import { Command, Option } from 'commander';
import { z } from 'zod';
import { addSettingsOptions, resolveRunSettings, type SharedFlags } from '../settings.js';
import { resolveCsatSatisfiedFrom } from '../../config/defaults.js';
import { KEY_ITEMS } from '../../playbook/catalogue.js';
import { evaluateAll, evaluateStage, type EvaluationInput } from '../../playbook/evaluate.js';
import type { EvidenceFacts } from '../../playbook/evidence.js';
import { gatherEvidence } from '../../playbook/gather.js';
import { nextStage, stageForHeadcount, STAGE_IDS, type Stage, type StageId } from '../../playbook/stages.js';
import { MAX_PEOPLE, type ChecklistState } from '../../playbook/state.js';
import { CHECKLIST_FORMATS, renderChecklist, type ChecklistView } from '../../render/checklist.js';
import type { ScreenStreams } from '../../render/checklist-screen.js';
import { readChecklistState, writeChecklistState } from '../checklist-state.js';
import { chalkFor, warn, type CliContext } from '../context.js';
import { customerFiguresFor } from '../customer-figures.js';
import { UsageError } from '../../errors.js';
import { parseFlags, wholeNumberFlag } from '../flags.js';
import { addInputOptions, loadInput } from '../input.js';

interface ChecklistFlags extends SharedFlags {
  headcount?: string;
  team?: string;
  stage?: string;
  next?: boolean;
  format?: string;
  accounts?: string;
}

const FlagsSchema = z.object({
  headcount: wholeNumberFlag(1, MAX_PEOPLE).optional(),
  team: wholeNumberFlag(1, MAX_PEOPLE).optional(),
  stage: z.enum(STAGE_IDS, { message: `must be one of ${STAGE_IDS.join(', ')}` }).optional(),
  next: z.boolean().default(false),
  format: z.enum(CHECKLIST_FORMATS).default('table'),
});
type Flags = z.infer<typeof FlagsSchema>;

/**
 * The company's stage: --headcount, else the headcount saved in .csops/checklist.json by an
 * earlier run; null when neither is known (then --stage must say which list to show).
 */
function companyStage(flags: Flags, state: ChecklistState): Stage | null {
  const headcount = flags.headcount ?? state.company.headcount;
  return headcount === undefined ? null : stageForHeadcount(headcount);
}

function chooseView(flags: Flags, company: Stage | null, ctx: CliContext): { stage: StageId; role: ChecklistView['role'] } {
  if (flags.stage !== undefined && flags.next) throw new UsageError('--next: give either --stage or --next, not both');
  if (flags.stage !== undefined) return { stage: flags.stage, role: flags.stage === company?.id ? 'current' : 'other' };
  if (company === null) {
    throw new UsageError('--headcount: give the company size (e.g. --headcount 30) or pick a list with --stage');
  }
  if (!flags.next) return { stage: company.id, role: 'current' };
  const following = nextStage(company.id);
  if (following === null) {
    warn(ctx, `${company.title.toLowerCase()} is the last stage; showing it`);
    return { stage: company.id, role: 'current' };
  }
  return { stage: following.id, role: 'next' };
}

async function gatherFromFiles(
  files: string[],
  raw: ChecklistFlags,
  command: Command,
  ctx: CliContext,
): Promise<EvidenceFacts | undefined> {
  if (files.length === 0) {
    if (raw.accounts !== undefined) warn(ctx, '--accounts is read together with a ticket export; give one to judge items from data');
    return undefined;
  }
  const settings = await resolveRunSettings(command, raw, ctx);
  const loaded = await loadInput(files, settings.input, ctx);
  for (const note of loaded.notes) warn(ctx, `note: ${note}`);
  const customer = await customerFiguresFor(raw, loaded, settings, ctx);
  // The other customer notes are about the report's churned-vs-retained table, not shown here.
  for (const note of customer.accounts?.notes ?? []) warn(ctx, `note: ${note}`);
  const accounts = customer.accounts?.concentration;
  return gatherEvidence(loaded.table, {
    tz: loaded.tz,
    input: loaded.input,
    csatSatisfiedFrom: resolveCsatSatisfiedFrom(settings.config),
    targets: settings.targets,
    ...(accounts !== undefined ? { accounts } : {}),
  });
}

/**
 * The screen needs real TTYs on both ends (ink's input hook throws without one) and stdin not
 * taken by an export read from `-`.
 */
const interactive = (ctx: CliContext, raw: ChecklistFlags, files: string[]): boolean =>
  ctx.stdin.isTTY === true && ctx.stdout.isTTY === true && raw.format === undefined && !files.includes('-');

export function checklistCommand(ctx: CliContext): Command {
  const command = new Command('checklist')
    .description('What a support team should (and should not) do at your company size, judged from an export where data allows')
    .argument('[files...]', 'ticket exports to judge items from (CSV, JSON or NDJSON; - for stdin); none: every item is manual or unknown')
    .option('--headcount <n>', 'company size in people: picks the stage (the screen saves it for later runs)')
    .option('--team <n>', 'support team size in people: drives the team-size items (docs at 5–10, specialising near 6, spans)')
    .option('--stage <stage>', `show another stage: ${STAGE_IDS.join(', ')}`)
    .option('--next', 'show what the next stage will ask for, to prepare ahead')
    .option('--accounts <file>', 'monthly account revenue (CSV or JSON): revenue concentration')
    .addOption(new Option('--format <format>', 'output format (default: the interactive screen on a terminal, else table)').choices([...CHECKLIST_FORMATS]));
  addSettingsOptions(command);
  addInputOptions(command);
  return command.action(async (files: string[], raw: ChecklistFlags) => {
    const flags = parseFlags(FlagsSchema, raw);
    const saved = await readChecklistState(ctx.cwd);
    const company = companyStage(flags, saved);
    const view = chooseView(flags, company, ctx);
    const evidence = await gatherFromFiles(files, raw, command, ctx);
    const team = flags.team ?? saved.company.team;
    const input: EvaluationInput = {
      state: saved,
      ...(evidence ? { evidence } : {}),
      ...(team !== undefined ? { team } : {}),
    };
    if (interactive(ctx, raw, files)) {
      await runScreen(ctx, input, saved, flags, { current: company?.id ?? null, expanded: view.stage });
      return;
    }
    const { stage, rows } = evaluateStage(view.stage, input);
    const rendered: ChecklistView = { stage, rows, keyItems: KEY_ITEMS[stage.id], role: view.role };
    ctx.stdout.write(renderChecklist(rendered, flags.format, chalkFor(ctx), ctx.stdout.columns ?? 100));
  });
}

/** Runs the ink screen; every change is written to .csops/checklist.json, one write at a time. */
async function runScreen(
  ctx: CliContext,
  input: EvaluationInput,
  saved: ChecklistState,
  flags: Flags,
  stages: { current: StageId | null; expanded: StageId },
): Promise<void> {
  const company = {
    ...saved.company,
    ...(flags.headcount !== undefined ? { headcount: flags.headcount } : {}),
    ...(flags.team !== undefined ? { team: flags.team } : {}),
  };
  let writes: Promise<void> = Promise.resolve();
  // A failed save must not reject while the screen runs (nothing awaits it yet, and Node would
  // end on an unhandled rejection): keep the first error and report it once the screen closes.
  let saveError: unknown;
  const save = (state: ChecklistState): void => {
    writes = writes
      .then(() => writeChecklistState(ctx.cwd, { ...state, company }))
      .catch((error: unknown) => {
        saveError ??= error;
      });
  };
  // Remember the sizes given on the command line, so later runs need no flags.
  if (flags.headcount !== undefined || flags.team !== undefined) save(saved);
  // interactive() checked both ends are TTYs, which only real process streams are.
  const streams: ScreenStreams = {
    stdin: ctx.stdin,
    stdout: ctx.stdout as NodeJS.WriteStream,
    stderr: ctx.stderr as NodeJS.WriteStream,
  };
  // Loaded only here: ink and React cost every other command about a second of start-up.
  const { runChecklistScreen } = await import('../../render/checklist-screen.js');
  await runChecklistScreen({ stages: evaluateAll(input), ...stages, initialState: saved, onSave: save }, streams);
  await writes;
  if (saveError !== undefined) throw saveError;
}
