#!/usr/bin/env node
// Peak RSS of a node script when GNU time is not installed: runs the script in this process and,
// at exit, reports this process's maxRSS (KB) and CPU seconds on stderr as `maxrss N` and `cpu S`. Used by bench/run.js.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`maxrss ${maxRSS}\ncpu ${(userCPUTime + systemCPUTime) / 1e6}\n`);
});
await import(pathToFileURL(resolve(script)).href);
