#!/usr/bin/env node
// `npm run bench`: in one run, for 100k and 1M synthetic Zendesk tickets (CSV and NDJSON), times
// the built `csops metrics --format json` and `csops report --format json` against DuckDB
// computing the same summary on the same file, checks that the figures agree, and prints wall
// time, peak RSS and the csops/DuckDB ratio. Run `npm run build` first. Options:
//   --sizes 100000,1000000   --formats csv,ndjson
// Missing export files are generated (bench/generate.js, deterministic) into bench/out/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printColumns, requireBuild, ROOT as root, syntheticExport } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    formats: { type: 'string', default: 'csv,ndjson' },
  },
});
const sizes = args.sizes.split(',').map(Number);
const formats = args.formats.split(',');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

requireBuild(join('cli', 'main.js'));

/**
 * Runs a node script as a child and returns its stdout, wall time and peak RSS. GNU time measures
 * the child when it is installed; otherwise a wrapper reads the child's own maxRSS at exit.
 */
function measure(script, scriptArgs) {
  const started = process.hrtime.bigint();
  const command = TIME ? [TIME, ['-v', process.execPath, script, ...scriptArgs]] : [process.execPath, [join(here, 'rss-wrapper.js'), script, ...scriptArgs]];
  const child = spawnSync(command[0], command[1], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`${script} ${scriptArgs.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const rssKb = TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)?.[1]) : Number(/^maxrss (\d+)$/m.exec(child.stderr)?.[1]);
  // CPU time (user + system) moves far less than wall time when other work shares the cores.
  const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(child.stderr)?.[1]);
  const cpu = TIME ? seconds('User') + seconds('System') : Number(/^cpu ([\d.]+)$/m.exec(child.stderr)?.[1]);
  return { stdout: child.stdout, wall, cpu, rssMb: rssKb / 1024 };
}

/** The figures the benchmark compares, from a csops JSON result (metrics and report share `summary`). */
function csopsFigures(json) {
  const s = JSON.parse(json).summary;
  return {
    created: s.created,
    firstReplyMedian: s.firstReplyMinutes?.median ?? null,
    firstReplyP90: s.firstReplyMinutes?.p90 ?? null,
    fullResolutionMedian: s.fullResolutionMinutes?.median ?? null,
    csatScore: s.csat?.score ?? null,
    fcrRate: s.fcr?.rate ?? null,
  };
}

/** Names of the figures that differ beyond floating-point noise. */
function disagreements(ours, peer) {
  return Object.keys(peer).filter((key) => {
    const a = ours[key];
    const b = peer[key];
    if (a === null || b === null) return a !== b;
    return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(b));
  });
}

const fmt = (n, digits = 2) => n.toFixed(digits);
const rows = [];
const rss = {};
let failures = 0;
for (const format of formats) {
  for (const size of sizes) {
    const file = syntheticExport(size, format);
    const peer = measure(join(here, 'duckdb-summary.js'), [file]);
    const expected = JSON.parse(peer.stdout);
    rows.push({ size, format, tool: 'DuckDB', wall: peer.wall, cpu: peer.cpu, rssMb: peer.rssMb, ratio: 1, agree: '(reference)' });
    for (const command of ['metrics', 'report']) {
      const run = measure(join(root, 'bin', 'csops.js'), [command, '--format', 'json', file]);
      const differing = disagreements(csopsFigures(run.stdout), expected);
      if (differing.length > 0) failures++;
      rows.push({ size, format, tool: `csops ${command}`, wall: run.wall, cpu: run.cpu, rssMb: run.rssMb, ratio: run.wall / peer.wall, agree: differing.length === 0 ? 'yes' : `NO: ${differing.join(', ')}` });
      rss[`${command} ${format} ${size}`] = run.rssMb;
    }
  }
}

const header = ['tickets', 'format', 'tool', 'wall s', 'CPU s', 'peak RSS MB', 'wall ÷ DuckDB', 'figures agree'];
const table = [header, ...rows.map((r) => [String(r.size), r.format, r.tool, fmt(r.wall), fmt(r.cpu), fmt(r.rssMb, 0), r.tool === 'DuckDB' ? '1' : `${fmt(r.ratio, 1)}×`, r.agree])];
printColumns(table);

// Memory per ticket: the growth of peak RSS between the two sizes, which cancels the fixed cost.
if (sizes.length >= 2) {
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  for (const format of formats) {
    const grown = rss[`metrics ${format} ${large}`] - rss[`metrics ${format} ${small}`];
    process.stdout.write(`metrics ${format}: ${fmt((grown * 1024 * 1024) / (large - small), 0)} bytes of peak RSS per extra ticket (${small} → ${large})\n`);
  }
}

const simulate = join(here, 'simulate.js');
if (existsSync(simulate)) {
  process.stdout.write('\nqueue simulation benchmark (bench/simulate.js):\n');
  const result = spawnSync(process.execPath, [simulate], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failures++;
}
if (failures > 0) {
  process.stderr.write(`bench: ${failures} run(s) disagree with DuckDB or failed\n`);
  process.exitCode = 1;
}
