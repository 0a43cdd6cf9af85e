import { describe, expect, it } from 'vitest';
import { useColor, type CliContext } from '../../src/cli/context.js';

const ctx = (env: Record<string, string>, isTTY: boolean, colorFlag?: boolean): CliContext => ({
  stdout: { write: () => true, isTTY },
  stderr: { write: () => true, isTTY },
  stdin: process.stdin,
  env,
  cwd: '/',
  ...(colorFlag === undefined ? {} : { colorFlag }),
});

describe('colour decision', () => {
  it.each([
    ['a terminal', {}, true, undefined, true],
    ['a pipe', {}, false, undefined, false],
    ['a pipe in CI', { CI: 'true' }, false, undefined, false],
    ['NO_COLOR on a terminal (chalk alone ignores it)', { NO_COLOR: '1' }, true, undefined, false],
    ['an empty NO_COLOR', { NO_COLOR: '' }, true, undefined, true],
    ['TERM=dumb', { TERM: 'dumb' }, true, undefined, false],
    ['FORCE_COLOR on a pipe', { FORCE_COLOR: '1' }, false, undefined, true],
    ['FORCE_COLOR=0 on a terminal', { FORCE_COLOR: '0' }, true, undefined, true],
    ['--no-color on a terminal', {}, true, false, false],
    ['--color on a pipe with NO_COLOR', { NO_COLOR: '1' }, false, true, true],
  ])('%s', (_name, env, isTTY, flag, expected) => {
    expect(useColor(ctx(env, isTTY, flag))).toBe(expected);
  });
});
