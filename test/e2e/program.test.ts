import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

describe('csops program', () => {
  it('prints its version', async () => {
    const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(await runCli(['--version'])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
  });

  it('--help lists every command', async () => {
    const { stdout, code } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatchSnapshot();
  });

  it('help <command> is the same as <command> --help', async () => {
    const viaHelp = await runCli(['help', 'inspect']);
    const viaFlag = await runCli(['inspect', '--help']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaFlag.stdout).toMatchSnapshot();
  });

  it('an unknown command is a usage error: exit 2, one line', async () => {
    const { stdout, stderr, code } = await runCli(['reprot']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^csops: unknown command 'reprot'/);
  });

  it.each([[[]], [['help', 'nosuch']]])('%j prints the help to stderr and exits 2', async (args) => {
    const { stdout, stderr, code } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Usage: csops \[options\] \[command\]\n/);
  });
});
