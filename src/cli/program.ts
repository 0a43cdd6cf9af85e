import { createRequire } from 'node:module';
import { Command } from 'commander';
import type { CliContext } from './context.js';
import { COMMANDS } from './commands.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/** Commander writes "error: …\n"; csops prints one line: "csops: … (see csops --help)". */
const oneLineError = (text: string): string =>
  `csops: ${text.replace(/^error:\s*/, '').trim().replace(/\s*\n\s*/g, ' ')} (see csops --help)\n`;

export function createProgram(ctx: CliContext): Command {
  const program = new Command('csops');
  const output = {
    writeOut: (text: string) => void ctx.stdout.write(text),
    writeErr: (text: string) => void ctx.stderr.write(text),
    getOutHelpWidth: () => 100,
    getErrHelpWidth: () => 100,
    outputError: (text: string, write: (s: string) => void) => write(oneLineError(text)),
  };
  program
    .description(
      'Support operations from helpdesk exports: metrics, reports, CI checks, queue simulation, staffing and growth checklists.',
    )
    .version(version, '--version', 'print the csops version')
    .helpOption('-h, --help', 'show help')
    .helpCommand('help [command]', 'Show help for a command')
    .option('--no-color', 'never colour output (NO_COLOR=1 does the same)')
    .option('--color', 'colour output even when it is not a terminal')
    .configureOutput(output)
    .exitOverride()
    .hook('preAction', () => {
      if (program.getOptionValueSource('color') === 'cli') ctx.colorFlag = program.opts<{ color: boolean }>().color;
    });
  for (const makeCommand of COMMANDS) {
    const command = makeCommand(ctx);
    command.exitOverride().configureOutput(output);
    program.addCommand(command);
  }
  return program;
}
