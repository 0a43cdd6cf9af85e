#!/usr/bin/env node
// Renders the HTML report of an export and takes a full-page screenshot with headless Chromium,
// so anyone can look at the charts without opening a browser:
//
//   npm run build && node bench/screenshot-report.js [out.png] [csops report arguments…]
//
// With no report arguments it uses the bundled sample with the survey and account fixtures.
// CHROMIUM=/path/to/chrome overrides Debian's /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The browser test's executable and flags, so the screenshot renders the page as the test sees it.
const browser = JSON.parse(readFileSync(join(root, 'test', 'browser', 'chromium.json'), 'utf8'));
const chromium = process.env.CHROMIUM ?? browser.executable;
const [outArg = 'report.png', ...reportArgs] = process.argv.slice(2);
const out = resolve(outArg);
const args = reportArgs.length
  ? reportArgs
  : ['fixtures/sample/zendesk-export.csv', '--surveys', 'fixtures/surveys/surveys.csv', '--accounts', 'fixtures/accounts/sample-orgs.csv'];

if (!existsSync(chromium)) {
  console.error(`screenshot-report: ${chromium} not found (apt-get install chromium, or set CHROMIUM)`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'csops-shot-'));
try {
  const html = join(dir, 'report.html');
  execFileSync(process.execPath, [join(root, 'bin/csops.js'), 'report', ...args, '--html', html], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(
    chromium,
    [
      ...browser.flags,
      `--user-data-dir=${join(dir, 'profile')}`,
      '--hide-scrollbars',
      '--window-size=1000,5200',
      `--screenshot=${out}`,
      pathToFileURL(html).href,
    ],
    { stdio: ['ignore', 'ignore', 'ignore'] },
  );
  console.log(`wrote ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
