import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { FORMAT_IDS, TICKET_FIELDS, type FormatId, type TicketField } from '../ingest/formats.js';
import { loadExports, type FileReport, type LoadResult, type RowProblem } from '../ingest/load.js';
import type { InputSummary } from '../metrics/types.js';
import { plural } from '../model/format.js';
import type { OmittableField, TicketTable } from '../model/table.js';
import { isValidTimeZone } from '../model/time.js';
import { warn, type CliContext } from './context.js';
import { describePlace, UsageError } from '../errors.js';
import { collect, dayFlag, parseFlags, periodBounds } from './flags.js';
import { progressLine } from './progress.js';

/** The export csops runs on when no file is given, so `npx csops report` shows something real. */
const SAMPLE = 'fixtures/sample/zendesk-export.csv';
const SAMPLE_PATH = fileURLToPath(new URL(`../../${SAMPLE}`, import.meta.url));

/** How many skipped rows are described one by one before the rest are only counted. */
const PROBLEMS_SHOWN = 5;

export interface InputFlags {
  tz?: string;
  from?: string;
  to?: string;
  inputFormat?: string;
  map?: string[];
  /** The config file's column map: applied to the columns a file has, below --map. */
  configColumns?: Partial<Record<TicketField, string>>;
  strict?: boolean;
}


export interface LoadedInput {
  table: TicketTable;
  tz: string;
  /** The `input` block of every JSON result (DESIGN.md contract). */
  input: InputSummary;
  /** Facts about the input the user should know (derived durations, unknown values…). */
  notes: string[];
  /** Per file: detected format and column mapping (for `csops inspect`). */
  files: FileReport[];
  /** Tickets created before --from or after the --to day, left out. */
  outsidePeriod: number;
  /** True when no file was given and the bundled sample was read. */
  usedSample: boolean;
}

/** The `[files...]` argument of every command that reads ticket exports. */
export const FILES_ARGUMENT = 'ticket exports (CSV, JSON or NDJSON, optionally .gz; - for stdin); the bundled sample when none';

/** The flags every command that reads exports shares. */
export function addInputOptions(command: Command): Command {
  return command
    .option('--tz <zone>', 'IANA time zone for days, hours and timestamps without an offset', 'UTC')
    .option('--from <date>', 'only tickets created on or after this day (YYYY-MM-DD, in --tz)')
    .option('--to <date>', 'only tickets created on or before this day (YYYY-MM-DD, in --tz)')
    .addOption(new Option('--input-format <format>', 'skip format detection').choices([...FORMAT_IDS]))
    .option('--map <field=column,…>', 'map columns of any CSV to ticket fields (repeatable)', collect)
    .option('--strict', 'stop at the first malformed row instead of skipping it');
}

const InputFlagsSchema = z.object({
  tz: z.string().refine(isValidTimeZone, { message: 'is not an IANA time zone (e.g. UTC, Europe/Berlin)' }),
  from: dayFlag.optional(),
  to: dayFlag.optional(),
  inputFormat: z.enum(FORMAT_IDS).optional(),
  map: z.array(z.string()).optional(),
  strict: z.boolean().optional(),
});

/** `createdAt="Opened",firstReplyAt=First response` → a field → column map. */
export function parseColumnMap(specs: readonly string[]): Partial<Record<TicketField, string>> {
  const map: Partial<Record<TicketField, string>> = {};
  for (const spec of specs) {
    for (const pair of splitPairs(spec)) {
      const eq = pair.indexOf('=');
      const field = pair.slice(0, eq).trim();
      const column = pair.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
      if (eq < 1 || column === '') throw new UsageError(`--map: "${pair}" is not field=column`);
      if (!(TICKET_FIELDS as string[]).includes(field)) {
        throw new UsageError(`--map: unknown field "${field}"; fields are ${TICKET_FIELDS.join(', ')}`);
      }
      map[field as TicketField] = column;
    }
  }
  return map;
}

/** Splits on commas outside double quotes, so a column name may contain a comma. */
function splitPairs(spec: string): string[] {
  const pairs: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of spec) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      pairs.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') pairs.push(current);
  return pairs;
}

/** `CSOPS_THREADS`: how many threads may read one large export (1: never a second one). */
function threadsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.CSOPS_THREADS;
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value.trim())) throw new UsageError(`CSOPS_THREADS: "${value}" is not a whole number ≥ 1`);
  return Number(value);
}

/**
 * Reads the exports named on the command line (the bundled sample when none), reporting skipped
 * rows on stderr as they happen: the first few in full, then a count. `omit` names fields the
 * command never looks at, left unread to save time and memory.
 */
export async function loadInput(
  files: readonly string[],
  flags: InputFlags,
  ctx: CliContext,
  omit: readonly OmittableField[] = [],
): Promise<LoadedInput> {
  const options = parseFlags(InputFlagsSchema, { ...flags, tz: flags.tz ?? 'UTC' });
  const threads = threadsFromEnv(ctx.env);
  const map = options.map ? parseColumnMap(options.map) : undefined;
  const period = periodBounds(options.from, options.to, options.tz);
  const usedSample = files.length === 0;
  if (usedSample) warn(ctx, `no export given; using the bundled sample export (${SAMPLE})`);
  const names = usedSample ? [SAMPLE] : [...files];
  let problems = 0;
  const progress = progressLine(ctx);
  const onProblem = (problem: RowProblem): void => {
    problems++;
    if (problems > PROBLEMS_SHOWN) return;
    progress.clear();
    warn(ctx, `${describeProblem(problem)} (row skipped)`);
  };
  const result = await loadExports(
    // Names are shown as typed; paths are read from the context's directory, as the config is.
    names.map((name) => (usedSample ? { name, path: SAMPLE_PATH } : name === '-' ? { name, stdin: ctx.stdin } : { name, path: resolve(ctx.cwd, name) })),
    {
      tz: options.tz,
      strict: options.strict ?? false,
      ...(omit.length > 0 ? { omit } : {}),
      ...(threads !== undefined ? { threads } : {}),
      onProblem,
      onProgress: progress.update,
      ...(options.inputFormat ? { inputFormat: options.inputFormat as FormatId } : {}),
      ...(map ? { map } : {}),
      ...(flags.configColumns ? { configMap: flags.configColumns } : {}),
      ...period,
    },
  ).finally(progress.clear);
  if (problems > PROBLEMS_SHOWN) {
    warn(ctx, `… and ${plural(problems - PROBLEMS_SHOWN, 'more malformed row')} skipped (--strict stops at the first)`);
  }
  if (result.table.length === 0) warn(ctx, 'no tickets to analyse (all rows were skipped or outside --from/--to)');
  return {
    table: result.table,
    tz: options.tz,
    input: {
      files: names,
      format: [...new Set(result.files.map((f) => f.format))].join('+'),
      rows: result.rows,
      tickets: result.table.length,
      skipped: result.skipped,
      duplicates: result.duplicates,
    },
    notes: ingestNotes(result),
    files: result.files,
    outsidePeriod: result.outsidePeriod,
    usedSample,
  };
}

export function describeProblem(problem: RowProblem): string {
  return `${describePlace(problem.file, problem.line, problem.field)}: ${problem.message}`;
}

function ingestNotes(result: LoadResult): string[] {
  const notes: string[] = [];
  const { stats } = result;
  if (stats.createdInFuture > 0) notes.push(`${plural(stats.createdInFuture, 'ticket')} ${stats.createdInFuture === 1 ? 'is' : 'are'} dated in the future (check --tz)`);
  const unknown = (label: string, counts: Map<string, number>): void => {
    if (counts.size === 0) return;
    const list = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([value, n]) => `"${value}" (${n})`);
    notes.push(`unrecognised ${label} values left empty: ${list.join(', ')}${counts.size > 5 ? ', …' : ''}`);
  };
  unknown('status', stats.unrecognisedStatus);
  unknown('priority', stats.unrecognisedPriority);
  if (result.skipped > 0) notes.push(`${plural(result.skipped, 'malformed row')} skipped`);
  if (result.duplicates > 0) notes.push(`${plural(result.duplicates, 'duplicate ticket')} merged (the most recently updated copy kept)`);
  if (result.outsidePeriod > 0) notes.push(`${plural(result.outsidePeriod, 'ticket')} outside --from/--to left out`);
  return notes;
}
