#!/usr/bin/env node
// `npm run bench`: in one run, for 100k and 1M synthetic Zendesk tickets (CSV and NDJSON), times
// the built `csops metrics --format json` and `csops report --format json` against DuckDB
// computing the same summary on the same file, checks that the figures agree, and prints wall
// time, peak RSS, the csops/DuckDB ratio and whether the targets of issue 7 are met. Each
// command runs several times, interleaved with DuckDB's runs, because this shared machine's
// speed drifts by a third within minutes: a single run of each would compare two moments.
// Run `npm run build` first. Options:
//   --sizes 100000,1000000   --formats csv,ndjson   --runs 3
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
    runs: { type: 'string', default: '3' },
  },
});
const sizes = args.sizes.split(',').map(Number);
const formats = args.formats.split(',');
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs wants a whole number ≥ 1, not ${args.runs}`);
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
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const TOOLS = ['DuckDB', 'csops metrics', 'csops report'];
const rows = [];
/** Median wall, ratio and peak RSS of `metrics` per `${format} ${size}`, for the targets. */
const results = {};
let failures = 0;
for (const format of formats) {
  for (const size of sizes) {
    const file = syntheticExport(size, format);
    const samples = Object.fromEntries(TOOLS.map((tool) => [tool, []]));
    for (let round = 0; round < runs; round++) {
      const peer = measure(join(here, 'duckdb-summary.js'), [file]);
      const expected = JSON.parse(peer.stdout);
      samples.DuckDB.push({ ...peer, ratio: 1 });
      for (const command of ['metrics', 'report']) {
        const run = measure(join(root, 'bin', 'csops.js'), [command, '--format', 'json', file]);
        const differing = disagreements(csopsFigures(run.stdout), expected);
        if (differing.length > 0) failures++;
        // The ratio of one round compares runs made seconds apart.
        samples[`csops ${command}`].push({ ...run, ratio: run.wall / peer.wall, differing });
      }
    }
    const duckWall = median(samples.DuckDB.map((s) => s.wall));
    for (const tool of TOOLS) {
      const list = samples[tool];
      const wall = median(list.map((s) => s.wall));
      const ratios = list.map((s) => s.ratio);
      const differing = [...new Set(list.flatMap((s) => s.differing ?? []))];
      const row = {
        size,
        format,
        tool,
        wall,
        walls: list.map((s) => s.wall),
        cpu: median(list.map((s) => s.cpu)),
        rssMb: Math.max(...list.map((s) => s.rssMb)),
        ratio: wall / duckWall,
        ratioRange: [Math.min(...ratios), Math.max(...ratios)],
        agree: tool === 'DuckDB' ? '(reference)' : differing.length === 0 ? 'yes' : `NO: ${differing.join(', ')}`,
      };
      rows.push(row);
      if (tool === 'csops metrics') results[`${format} ${size}`] = row;
    }
  }
}

const range = (values) => (values.length === 1 ? fmt(values[0]) : `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`);
const ratioCell = (r) => (r.tool === 'DuckDB' ? '1' : `${fmt(r.ratio, 1)}× (${fmt(r.ratioRange[0], 1)}–${fmt(r.ratioRange[1], 1)})`);
const header = ['tickets', 'format', 'tool', 'wall s (median)', 'wall s (range)', 'CPU s', 'peak RSS MB', 'wall ÷ DuckDB (per round)', 'figures agree'];
const table = [header, ...rows.map((r) => [String(r.size), r.format, r.tool, fmt(r.wall), range(r.walls), fmt(r.cpu), fmt(r.rssMb, 0), ratioCell(r), r.agree])];
process.stdout.write(`${runs} run(s) of each, interleaved; medians, the highest peak RSS, and the ratio of the medians (of each round's runs in brackets)\n`);
printColumns(table);

// The targets of issue 7, judged on the median ratio; each needs the sizes it names.
const targets = [];
const bytesPerTicket = (format) => {
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  const a = results[`${format} ${small}`];
  const b = results[`${format} ${large}`];
  return { bytes: ((b.rssMb - a.rssMb) * 1024 * 1024) / (large - small), small, large };
};
const million = results['csv 1000000'];
if (million) {
  targets.push(['metrics, 1M-ticket CSV, within 2× DuckDB', `${fmt(million.ratio)}×`, Number(fmt(million.ratio)) <= 2]);
  targets.push(['metrics, 1M-ticket CSV, peak RSS under 400 MB', `${fmt(million.rssMb, 0)} MB`, million.rssMb < 400]);
}
if (sizes.length >= 2) {
  for (const format of formats) {
    const { bytes, small, large } = bytesPerTicket(format);
    // Judged on the whole bytes shown: the target itself is approximate.
    targets.push([`metrics, ${format.toUpperCase()}, peak RSS per extra ticket at most ~150 bytes (${small} → ${large})`, `${fmt(bytes, 0)} bytes`, Math.round(bytes) <= 150]);
  }
}
const ndjsonMillion = results['ndjson 1000000'];
if (ndjsonMillion) targets.push(['metrics, 1M-ticket NDJSON, within 3× DuckDB', `${fmt(ndjsonMillion.ratio)}×`, Number(fmt(ndjsonMillion.ratio)) <= 3]);
if (targets.length > 0) {
  process.stdout.write('\ntargets (issue 7):\n');
  printColumns([['target', 'measured', 'met'], ...targets.map(([name, measured, met]) => [name, measured, met ? 'yes' : 'no'])]);
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
