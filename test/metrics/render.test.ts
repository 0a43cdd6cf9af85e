import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { metricsRows } from '../../src/render/metrics-flat.js';
import { renderMetrics } from '../../src/render/metrics.js';
import { metricsOf, solved, ticket } from './helpers.js';

describe('metrics as rows for a spreadsheet', () => {
  it('keeps the same columns when a metric is missing, with empty cells for it', () => {
    const full = metricsRows(metricsOf([solved(10, 60, { satisfaction: 'good', firstReplyMinutesBusiness: 5 })]));
    const bare = metricsRows(metricsOf([ticket()]));
    expect(bare[0]).toEqual(full[0]);
    const column = bare[0]!.indexOf('firstReplyMinutes.median');
    expect(full[1]![column]).toBe(10);
    expect(bare[1]![column]).toBeNull();
    expect(bare[1]!.length).toBe(bare[0]!.length);
  });

  it('leads with one column per dimension of the split, "(none)" for tickets without a value', () => {
    const rows = metricsRows(metricsOf([ticket({ group: 'Support', channel: 'email' }), ticket({ channel: 'chat' })], { by: ['group', 'channel'] }));
    expect(rows[0]!.slice(0, 3)).toEqual(['group', 'channel', 'created']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['Support', 'email', 1],
      ['(none)', 'chat', 1],
    ]);
  });

  it('writes the same figures in every format', () => {
    const result = metricsOf([solved(30, 90), solved(90, 600), ticket()], { by: ['channel'] });
    const chalk = new Chalk({ level: 0 });
    expect(JSON.parse(renderMetrics(result, 'json', chalk))).toEqual(JSON.parse(JSON.stringify(result)));
    const table = renderMetrics(result, 'table', chalk);
    const markdown = renderMetrics(result, 'markdown', chalk);
    for (const text of [table, markdown]) {
      expect(text).toContain('1h / 1.4h'); // median 60m, p90 = 30 + 0.9 × 60 = 84m
      expect(text).toContain('50.0%');
    }
  });
});
