import { beforeAll, describe, expect, it } from 'vitest';
import type * as Load from '../../src/ingest/load.js';
import type * as Helper from '../../src/threads/helper.js';
import type * as ThreadMetrics from '../../src/threads/metrics.js';
import type * as Compute from '../../src/metrics/compute.js';
import type * as Report from '../../src/report/report-data.js';
import { resolveBusinessHours, resolveTargets } from '../../src/config/defaults.js';
import { DEFAULT_CSAT_SATISFIED_FROM } from '../../src/metrics/defaults.js';
import { fixture, SAMPLE } from '../e2e/helpers.js';

// The helper thread runs the built worker (dist/threads/helper-worker.js), so these tests load
// the built modules; `npm test` builds before it runs vitest.
const built = <T>(path: string): Promise<T> => import(/* @vite-ignore */ new URL(`../../dist/${path}`, import.meta.url).href) as Promise<T>;
let loadExports: typeof Load.loadExports;
let HelperThread: typeof Helper.HelperThread;
let computeMetricsWith: typeof ThreadMetrics.computeMetricsWith;
let computeMetrics: typeof Compute.computeMetrics;
let reportMetricsWith: typeof ThreadMetrics.reportMetricsWith;
let buildReport: typeof Report.buildReport;
beforeAll(async () => {
  ({ loadExports } = await built<typeof Load>('ingest/load.js'));
  ({ HelperThread } = await built<typeof Helper>('threads/helper.js'));
  ({ computeMetricsWith, reportMetricsWith } = await built<typeof ThreadMetrics>('threads/metrics.js'));
  ({ buildReport } = await built<typeof Report>('report/report-data.js'));
  ({ computeMetrics } = await built<typeof Compute>('metrics/compute.js'));
});

/** A load that reads the file in two threads whatever its size, keeping a helper. */
const loadKeeping = (path: string) => loadExports([{ name: path }], { tz: 'UTC', threads: 2, parallelFrom: 0, keepHelper: true });

describe('the helper thread', () => {
  it.each([
    ['the sample Zendesk CSV', SAMPLE, {}],
    [
      'the sample NDJSON, split by agent and week, in Berlin, from 12 February to 11 March',
      fixture('sample/zendesk-export.ndjson'),
      { by: ['agent', 'week'] as const, tz: 'Europe/Berlin', from: Date.UTC(2024, 1, 12), to: Date.UTC(2024, 2, 11) },
    ],
  ])('computes with this thread the metrics this thread computes alone: %s', async (_label, path, extra) => {
    const loaded = await loadKeeping(path);
    expect(loaded.helper?.usable).toBe(true);
    const options = { tz: 'UTC', ...extra, by: 'by' in extra ? [...extra.by] : undefined };
    const together = await computeMetricsWith(loaded.helper, loaded.table, options);
    await loaded.helper!.close();
    expect(together).toEqual(computeMetrics(loaded.table, options));
    expect(together.agents.productivity.length).toBeGreaterThan(0);
    expect(together.correlations.length).toBe(2);
    if ('from' in extra) expect(together.summary.created).toBeLessThan(loaded.table.length);
  });

  it('helps compute the report: the same report as this thread builds alone, with the checklist in brief', async () => {
    const loaded = await loadKeeping(SAMPLE);
    const options: Report.ReportOptions = {
      tz: 'America/New_York',
      from: Date.UTC(2024, 1, 12),
      targets: resolveTargets({}),
      businessHours: resolveBusinessHours({}),
      csatSatisfiedFrom: DEFAULT_CSAT_SATISFIED_FROM,
      input: { files: [SAMPLE], format: 'zendesk-csv', rows: loaded.rows, tickets: loaded.table.length, skipped: 0, duplicates: 0 },
      usedSample: false,
      inputNotes: [],
      checklist: { headcount: 30 },
    };
    const customer = { surveys: null, accounts: null, support: null, notes: [] };
    const metrics = await reportMetricsWith(loaded.helper, loaded.table, options);
    await loaded.helper!.close();
    expect(buildReport(loaded.table, customer, options, metrics)).toEqual(buildReport(loaded.table, customer, options));
  });

  it('hands the helper the table in shared memory, and gives none when no file needs two threads', async () => {
    const loaded = await loadKeeping(SAMPLE);
    expect(loaded.table.createdAt.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(loaded.table.assignee.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    await loaded.helper!.close();
    const single = await loadExports([{ name: SAMPLE }], { tz: 'UTC', threads: 1, keepHelper: true });
    expect(single.helper).toBeUndefined();
    const small = await loadExports([{ name: SAMPLE }], { tz: 'UTC', threads: 2, keepHelper: true });
    expect(small.helper).toBeUndefined();
    const notKept = await loadExports([{ name: SAMPLE }], { tz: 'UTC', threads: 2, parallelFrom: 0 });
    expect(notKept.helper).toBeUndefined();
    expect(notKept.table.createdAt.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('once closed, is no longer usable: a task fails, and the metrics are computed on this thread', async () => {
    const loaded = await loadKeeping(SAMPLE);
    const helper = loaded.helper!;
    await helper.close();
    expect(helper.usable).toBe(false);
    const options = { tz: 'UTC' };
    expect(await computeMetricsWith(helper, loaded.table, options)).toEqual(computeMetrics(loaded.table, options));
    const { agentDayInput } = await built<typeof import('../../src/metrics/agent-day-figures.js')>('metrics/agent-day-figures.js');
    const { derive } = await built<typeof import('../../src/metrics/derive.js')>('metrics/derive.js');
    await expect(helper.agentDayFigures(agentDayInput(loaded.table, derive(loaded.table, 'UTC'), options))).rejects.toThrow('closed');
  });

  it('gives the same metrics when the helper ends before its figures arrive: this thread computes them', async () => {
    const loaded = await loadKeeping(SAMPLE);
    const options = { tz: 'UTC' };
    // The figures were asked for; the helper ends while this thread still waits for them.
    const pending = computeMetricsWith(loaded.helper, loaded.table, options);
    await loaded.helper!.close();
    expect(await pending).toEqual(computeMetrics(loaded.table, options));
  });

  it('runs one task at a time', async () => {
    const helper = new HelperThread();
    const loaded = await loadExports([{ name: SAMPLE }], { tz: 'UTC' });
    const { agentDayInput } = await built<typeof import('../../src/metrics/agent-day-figures.js')>('metrics/agent-day-figures.js');
    const { derive } = await built<typeof import('../../src/metrics/derive.js')>('metrics/derive.js');
    const input = agentDayInput(loaded.table, derive(loaded.table, 'UTC'), { tz: 'UTC' });
    const first = helper.agentDayFigures(input);
    await expect(helper.agentDayFigures(input)).rejects.toThrow('busy');
    // Arrays not in shared memory are copied to the helper: the figures are the same.
    expect((await first).agents.productivity.length).toBeGreaterThan(0);
    await helper.close();
  });
});
