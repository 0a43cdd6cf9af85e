import { CommanderError } from 'commander';
import { processContext, type CliContext } from './context.js';
import { CsopsError, EXIT } from '../errors.js';
import { createProgram } from './program.js';

/** Commander error codes that are the user's own mistake on the command line. */
const USAGE_CODES = new Set([
  'commander.unknownOption',
  'commander.unknownCommand',
  'commander.excessArguments',
  'commander.missingArgument',
  'commander.missingMandatoryOptionValue',
  'commander.optionMissingArgument',
  'commander.invalidArgument',
  'commander.conflictingOption',
]);

/**
 * Runs csops with `argv` (without node and script). Never calls process.exit: the exit code is
 * returned and set on process.exitCode so piped output is flushed in full.
 */
export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const code = await run(argv, ctx);
  if (ctx.stdout === process.stdout) process.exitCode = code;
  return code;
}

export async function run(argv: string[], ctx: CliContext): Promise<number> {
  const program = createProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `csops` alone and `csops help nosuch` print help to stderr with exit code 1: still a usage error.
      if (error.code === 'commander.help' && error.exitCode !== 0) return EXIT.usage;
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
        return EXIT.ok;
      }
      // Commander has already printed its one-line message to stderr.
      return USAGE_CODES.has(error.code) ? EXIT.usage : error.exitCode;
    }
    if (error instanceof CsopsError) {
      ctx.stderr.write(`csops: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    ctx.stderr.write(`csops: internal error: ${message}\n`);
    if (ctx.env.CSOPS_DEBUG && error instanceof Error && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return 70;
  }
}
