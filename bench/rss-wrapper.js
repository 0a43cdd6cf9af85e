#!/usr/bin/env node
// Peak RSS of a node script when GNU time is not installed: runs the script in this process and,
// at exit, reports this process's maxRSS (KB) on stderr as `maxrss N`. Used by bench/run.js.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
