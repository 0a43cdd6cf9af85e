import { Command, Option } from 'commander';
import { createdPeriod, fieldCoverage } from '../../ingest/coverage.js';
import { metricSupport } from '../../metrics/support.js';
import { toJson } from '../../render/json.js';
import { inspectionText, type Inspection } from '../../render/inspect.js';
import { chalkFor, type CliContext } from '../context.js';
import { addConfigOption, resolveRunSettings, type SharedFlags } from '../settings.js';
import { addInputOptions, FILES_ARGUMENT, loadInput, type LoadedInput } from '../input.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type InspectFormat = (typeof FORMATS)[number];

/** The inspect result: what csops made of each input file, as one JSON-ready object. */
function inspection(loaded: LoadedInput): Inspection {
  return {
    schemaVersion: 1,
    input: loaded.input,
    files: loaded.files.map((f) => ({
      file: f.file,
      format: f.format,
      label: f.label,
      rows: f.rows,
      skipped: f.skipped,
      columns: f.columns.map((c) => ({ field: c.field, column: c.column, ...(c.zone ? { zone: c.zone } : {}) })),
      unmapped: f.unmapped,
    })),
    period: createdPeriod(loaded.table, loaded.tz),
    coverage: fieldCoverage(loaded.table),
    supports: metricSupport(loaded.table, loaded.tz),
    notes: loaded.notes,
  };
}

export function inspectCommand(ctx: CliContext): Command {
  const command = new Command('inspect')
    .description('Show how csops reads an export: detected format, column mapping, counts, period and the metrics it supports')
    .argument('[files...]', FILES_ARGUMENT)
    .addOption(new Option('--format <format>', 'output format').choices([...FORMATS]).default('table'));
  addInputOptions(command);
  addConfigOption(command);
  return command.action(async (files: string[], flags: SharedFlags & { format: InspectFormat }) => {
    // The config's column map and time zone apply here too, so inspect shows what the other commands read.
    const settings = await resolveRunSettings(command, flags, ctx);
    const loaded = await loadInput(files, settings.input, ctx);
    const result = inspection(loaded);
    ctx.stdout.write(flags.format === 'json' ? toJson(result) : inspectionText(result, flags.format, chalkFor(ctx)));
  });
}
