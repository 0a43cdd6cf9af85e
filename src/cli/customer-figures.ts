import type { RunSettings } from './settings.js';
import { loadCustomerFigures, type CustomerFigures, type CustomerFlags } from '../ingest/customer-inputs.js';
import type { CliContext } from './context.js';
import type { LoadedInput } from './input.js';

/** --surveys and --accounts, read beside the loaded export with the run's config and concentration target. */
export const customerFiguresFor = (flags: CustomerFlags, loaded: LoadedInput, settings: RunSettings, ctx: CliContext): Promise<CustomerFigures> =>
  loadCustomerFigures(flags, {
    cwd: ctx.cwd,
    config: settings.config,
    tz: loaded.tz,
    table: loaded.table,
    concentrationThreshold: settings.targets.revenueConcentration,
  });
