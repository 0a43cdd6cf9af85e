/** What the benchmark scripts (run.js, parsers.js) share: the build check, the input files and the table they print. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..');

/** Stops with the one step to take when the built file the benchmark runs (a path under dist/) is missing. */
export function requireBuild(distPath) {
  if (!existsSync(join(ROOT, 'dist', distPath))) throw new Error('build csops first: npm run build');
}

/** The synthetic export of `tickets` tickets (path from the repo root), generated the first time: the same bytes every time. */
export function syntheticExport(tickets, format) {
  const file = join('bench', 'out', `zendesk-${tickets}.${format}`);
  if (!existsSync(join(ROOT, file))) {
    execFileSync(process.execPath, [join(here, 'generate.js'), '--tickets', String(tickets), '--format', format], { cwd: ROOT, stdio: 'inherit' });
  }
  return file;
}

/** Prints rows of text cells (the header first) as left-aligned columns two spaces apart. */
export function printColumns(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
}
