/** Where JSON.parse gave up, in the terms a person editing the file uses. */
export interface JsonErrorPlace {
  /** The parser's message without its "at position N" tail. */
  detail: string;
  /** 1-based line and column; absent when the message names no position. */
  line?: number;
  column?: number;
}

/** V8 reports "at position N" (a character offset); users need a line and column. */
export function jsonErrorPlace(text: string, error: unknown): JsonErrorPlace {
  const message = error instanceof Error ? error.message : String(error);
  const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  const position = /position (\d+)/.exec(message);
  if (!position) return { detail };
  const before = text.slice(0, Number(position[1]));
  return { detail, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
