import { describe, expect, it } from 'vitest';
import { computeMetrics, computeSummary } from '../../src/metrics/compute.js';
import { load } from '../ingest/helpers.js';

describe('computeSummary', () => {
  it.each([
    ['the whole export', {}],
    ['a period', { from: Date.UTC(2024, 1, 12), to: Date.UTC(2024, 2, 1) }],
    ['a period with a split', { from: Date.UTC(2024, 1, 12), to: Date.UTC(2024, 2, 1), by: ['agent' as const] }],
  ])('gives the period and summary computeMetrics gives, for %s', async (_label, period) => {
    const { table } = await load(['sample/zendesk-export.csv']);
    const options = { tz: 'Europe/Berlin', slaMinutes: 30, ...period };
    const whole = computeMetrics(table, options);
    expect(computeSummary(table, options)).toEqual({ period: whole.period, summary: whole.summary });
  });
});
