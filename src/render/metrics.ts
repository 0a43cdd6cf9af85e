import type { ChalkInstance } from 'chalk';
import type { MetricsResult } from '../metrics/types.js';
import { toDelimited } from './csv.js';
import { toJson } from './json.js';
import { metricsRows } from './metrics-flat.js';
import { metricsMarkdown, metricsTable } from './metrics-text.js';

export const METRICS_FORMATS = ['table', 'json', 'csv', 'tsv', 'markdown'] as const;
export type MetricsFormat = (typeof METRICS_FORMATS)[number];

/** One metrics result in any output format; every format reads the same object. */
export function renderMetrics(result: MetricsResult, format: MetricsFormat, chalk: ChalkInstance): string {
  switch (format) {
    case 'json':
      return toJson(result);
    case 'csv':
    case 'tsv':
      return toDelimited(metricsRows(result), format);
    case 'markdown':
      return metricsMarkdown(result);
    case 'table':
      return metricsTable(result, chalk);
  }
}
