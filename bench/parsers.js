#!/usr/bin/env node
// Parse only, nothing else: csv-parse (with the options csops's reader used before it had its
// own tokenizer) against csops's CsvTokenizer (src/ingest/csv-tokenizer.ts), on the same file,
// each in its own process so peak RSS is its own. Prints wall, CPU, peak RSS and the records
// and fields each counted (they must match). Run `npm run build` first.
//   node bench/parsers.js [FILE.csv]      default: bench/out/zendesk-1000000.csv (generated if missing)
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { printColumns, requireBuild, ROOT as root, syntheticExport } from './harness.js';

/** One parser over `file`, in this process: returns records and fields counted. */
async function parseWith(parser, file) {
  let records = 0;
  let fields = 0;
  if (parser === 'csv-parse') {
    const stream = createReadStream(file).pipe(
      parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true }),
    );
    for await (const { record } of stream) {
      records++;
      fields += record.length;
    }
    return { records, fields };
  }
  const { CsvTokenizer } = await import(pathToFileURL(join(root, 'dist', 'ingest', 'csv-tokenizer.js')).href);
  // The tokenizer hands out each record as positions in the text; csv-parse makes a string per
  // field, which the second variant also does, for a like-for-like comparison.
  const strings = parser === 'tokenizer, every field a string';
  const tokenizer = new CsvTokenizer(
    ',',
    (record) => {
      records++;
      fields += strings ? record.fields().length : record.length;
    },
    () => {},
  );
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) tokenizer.push(chunk);
  tokenizer.end();
  return { records, fields };
}

const PARSERS = ['csv-parse', 'tokenizer, every field a string', 'tokenizer, field positions'];
const [mode, parserArg, fileArg] = process.argv.slice(2);

if (mode === '--child') {
  const started = process.hrtime.bigint();
  const counted = await parseWith(parserArg, fileArg);
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage();
  const usage = { wall, cpu: (cpu.user + cpu.system) / 1e6, rssMb: process.resourceUsage().maxRSS / 1024, ...counted };
  process.stdout.write(JSON.stringify(usage));
} else {
  const file = mode ?? syntheticExport(1_000_000, 'csv');
  requireBuild(join('ingest', 'csv-tokenizer.js'));
  process.stdout.write(`parse only: ${file}\n`);
  const header = ['parser', 'wall s', 'CPU s', 'peak RSS MB', 'records', 'fields'];
  const rows = [header];
  for (const parser of PARSERS) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', parser, file], { cwd: root, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`${parser} failed:\n${child.stderr}`);
    const r = JSON.parse(child.stdout);
    rows.push([parser, r.wall.toFixed(2), r.cpu.toFixed(2), r.rssMb.toFixed(0), String(r.records), String(r.fields)]);
  }
  printColumns(rows);
}
