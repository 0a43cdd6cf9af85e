import type { Command } from 'commander';
import type { CliContext } from './context.js';
import { inspectCommand } from './commands/inspect.js';
import { erlangCommand } from './commands/erlang.js';
import { forecastCommand } from './commands/forecast.js';
import { checkCommand } from './commands/check.js';
import { reportCommand } from './commands/report.js';
import { metricsCommand } from './commands/metrics.js';
import { simulateCommand } from './commands/simulate.js';
import { checklistCommand } from './commands/checklist.js';

/** Every csops subcommand, in the order `csops --help` lists them. One file per command. */
export const COMMANDS: ReadonlyArray<(ctx: CliContext) => Command> = [
  inspectCommand,
  erlangCommand,
  forecastCommand,
  reportCommand,
  metricsCommand,
  checkCommand,
  simulateCommand,
  checklistCommand,
];
