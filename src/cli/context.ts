import { Chalk, type ChalkInstance } from 'chalk';

/** A stream the CLI writes to; process.stdout in production, a buffer in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Everything a command touches outside itself, so tests can run the CLI in-process. */
export interface CliContext {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Set by the program's global --no-color / --color flags before a command runs. */
  colorFlag?: boolean;
  /** A command that finishes but must report failure (a failed `check`) sets this. */
  exitCode?: number;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Colour on only for a TTY, never with NO_COLOR (chalk ignores it) or --no-color;
 * FORCE_COLOR (non-empty, not "0") or --color forces it.
 */
export function useColor(ctx: CliContext, stream: OutputStream = ctx.stdout): boolean {
  if (ctx.colorFlag !== undefined) return ctx.colorFlag;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function chalkFor(ctx: CliContext, stream: OutputStream = ctx.stdout): ChalkInstance {
  return new Chalk({ level: useColor(ctx, stream) ? 1 : 0 });
}

/** Warnings and notices go to stderr, one line each, prefixed with the program name. */
export function warn(ctx: CliContext, message: string): void {
  ctx.stderr.write(`csops: ${message}\n`);
}
