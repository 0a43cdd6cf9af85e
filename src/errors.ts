/** Exit codes (DESIGN.md): 0 ok, 1 a check failed, 2 usage error or unreadable input. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2, input: 2 } as const;

/** An error the user caused and can fix; printed as one line, never with a stack. */
export class CsopsError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad flag, option value or config key. */
export class UsageError extends CsopsError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** Input that cannot be read: names the file and, where known, line and column or field. */
export class InputError extends CsopsError {
  constructor(
    readonly file: string,
    detail: string,
    readonly line?: number,
    readonly field?: string,
  ) {
    super(`${describePlace(file, line, field)}: ${detail}`, EXIT.input);
  }
}

/** Where in an input something is: `file`, `file:line`, with `: field "name"` when known. */
export function describePlace(file: string, line?: number, field?: string): string {
  const place = line !== undefined ? `${file}:${line}` : file;
  return field !== undefined ? `${place}: field "${field}"` : place;
}
