import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, runCli, SAMPLE } from '../e2e/helpers.js';
import { tempDirs } from '../temp-dirs.js';
import { CHROMIUM, launch, openPage, pageErrors, type Browser } from './cdp.js';

/** `.ci/run` installs Chromium when it can. */
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(`\n*** browser test SKIPPED: ${CHROMIUM} not found (apt-get install chromium, or set CHROMIUM=/path) ***\n`);
}

describe.skipIf(!available)(available ? 'HTML report in headless Chromium' : `HTML report in headless Chromium (SKIPPED: ${CHROMIUM} not found)`, () => {
  // Registered first, so it removes the folder after the browser below has closed.
  const tempDir = tempDirs('browser');
  let browser: Browser;
  let session: string;
  let report: {
    daily: unknown[];
    firstReplyHistogram: unknown[];
    agents: { firstReplyMedian: number | null }[];
    forecast: { daily: { volume: number; low: number; high: number }[] };
  };
  let html: string;

  beforeAll(async () => {
    const dir = tempDir();
    const args = ['report', SAMPLE, '--surveys', fixture('surveys/surveys.csv'), '--accounts', fixture('accounts/sample-orgs.csv')];
    const written = await runCli([...args, '--html', 'report.html'], { cwd: dir });
    expect(written.code).toBe(0);
    report = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    html = await readFile(join(dir, 'report.html'), 'utf8');
    browser = await launch(CHROMIUM);
    session = await openPage(browser, pathToFileURL(join(dir, 'report.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = (await browser.send('Runtime.evaluate', { expression, returnByValue: true }, session)) as {
      result: { value: T };
      exceptionDetails?: unknown;
    };
    expect(exceptionDetails).toBeUndefined();
    return result.value;
  };

  it('loads without console errors and without any network request', async () => {
    expect(pageErrors(browser, session)).toEqual([]);
    expect(await evaluate<number>(`performance.getEntriesByType('resource').length`)).toBe(0);
    expect(await evaluate<string>('document.title')).toBe('Support report 2024-02-05 to 2024-03-17');
  });

  it('draws the expected number of marks in every chart', async () => {
    const marks = await evaluate<Record<string, number>>(`(() => {
      const count = (id) => document.querySelectorAll('#' + id + ' rect.mark').length;
      return {
        daily: count('chart-daily'),
        firstReply: count('chart-first-reply'),
        heatmap: count('chart-heatmap'),
        agentsSolved: count('chart-agents-solved'),
        agentsFirstReply: count('chart-agents-first-reply'),
        forecastSeen: document.querySelectorAll('#chart-forecast circle.mark.history').length,
        forecastAhead: document.querySelectorAll('#chart-forecast circle.mark.forecast').length,
        forecastBands: document.querySelectorAll('#chart-forecast polygon.band').length,
      };
    })()`);
    expect(marks).toEqual({
      daily: 2 * report.daily.length,
      firstReply: report.firstReplyHistogram.length,
      heatmap: 7 * 24,
      agentsSolved: report.agents.length,
      agentsFirstReply: report.agents.filter((a) => a.firstReplyMedian !== null).length,
      // All 42 days seen (under the chart's eight weeks), then the report's four weeks ahead.
      forecastSeen: report.daily.length,
      forecastAhead: report.forecast.daily.length,
      forecastBands: 1,
    });
    expect(report.forecast.daily.length).toBe(28);
    expect(report.daily.length).toBe(42);
  });

  it('lays the charts out at a visible size, with bars scaled to their data', async () => {
    const layout = await evaluate<{ charts: number[]; tallest: number; visibleMarks: number; allMarks: number }>(`(() => {
      const charts = [...document.querySelectorAll('svg.chart')].map((s) => Math.round(s.getBoundingClientRect().width));
      const marks = [...document.querySelectorAll('rect.mark')];
      const heights = [...document.querySelectorAll('#chart-first-reply rect.mark')].map((r) => r.getBBox().height);
      return { charts, tallest: Math.max(...heights), visibleMarks: marks.filter((r) => r.getBoundingClientRect().width > 0).length, allMarks: marks.length };
    })()`);
    expect(layout.charts).toHaveLength(6);
    for (const width of layout.charts) expect(width).toBeGreaterThan(300);
    expect(layout.tallest).toBeGreaterThan(100);
    expect(layout.visibleMarks).toBe(layout.allMarks);
  });

  it('draws each forecast day inside the shaded band, right of the days seen', async () => {
    const shape = await evaluate<{ band: { left: number; right: number; top: number; bottom: number }; ahead: { x: number; y: number }[]; lastSeen: number }>(`(() => {
      const box = (e) => e.getBoundingClientRect();
      const band = box(document.querySelector('#chart-forecast polygon.band'));
      const centre = (e) => ({ x: box(e).left + box(e).width / 2, y: box(e).top + box(e).height / 2 });
      const seen = [...document.querySelectorAll('#chart-forecast circle.mark.history')].map(centre);
      return { band: { left: band.left, right: band.right, top: band.top, bottom: band.bottom }, ahead: [...document.querySelectorAll('#chart-forecast circle.mark.forecast')].map(centre), lastSeen: Math.max(...seen.map((p) => p.x)) };
    })()`);
    expect(shape.band.bottom - shape.band.top).toBeGreaterThan(20);
    for (const point of shape.ahead) {
      expect(point.x).toBeGreaterThan(shape.lastSeen);
      expect(point.x).toBeGreaterThanOrEqual(shape.band.left - 0.5);
      expect(point.x).toBeLessThanOrEqual(shape.band.right + 0.5);
      expect(point.y).toBeGreaterThanOrEqual(shape.band.top - 0.5);
      expect(point.y).toBeLessThanOrEqual(shape.band.bottom + 0.5);
    }
  });

  it('is one self-contained file: no script, no external reference', () => {
    expect(html).not.toMatch(/<script|<link |<img |@import|url\(/);
  });
});
