import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/csops.js`;
export const fixture = (path: string): string => `${ROOT}fixtures/${path}`;

/** The bundled sample export, and what csops says on stderr when it falls back to it. */
export const SAMPLE = fixture('sample/zendesk-export.csv');
export const BUNDLED_SAMPLE_NOTICE = 'csops: no export given; using the bundled sample export (fixtures/sample/zendesk-export.csv)\n';

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface RunOptions {
  input?: string;
  env?: Record<string, string>;
  cwd?: string;
}

/**
 * Runs the built csops binary as a user would (run `npm run build` first; `npm test` does).
 * Colour is off and CI-style env is fixed so output can be compared exactly.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ stdout, stderr, code: error ? (error.code as number) : 0 });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** The real Zendesk export in ../shared/data, when that folder is beside the repo. */
export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
