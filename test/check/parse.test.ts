import { describe, expect, it } from 'vitest';
import { lookupMetric, validMetricNames, valueAt } from '../../src/check/catalogue.js';
import { parseRule, RuleError } from '../../src/check/parse.js';

describe('parseRule', () => {
  it.each([
    ['firstReply.p90 <= 4h', 'firstReplyMinutes.p90', '<=', 240],
    ['firstReplyMinutes.p90 <= 90m', 'firstReplyMinutes.p90', '<=', 90],
    ['summary.firstReplyMinutes.median < 30', 'firstReplyMinutes.median', '<', 30],
    ['resolution.median <= 2d', 'fullResolutionMinutes.median', '<=', 2880],
    ['resolution.p95<=1.5d', 'fullResolutionMinutes.p95', '<=', 2160],
    ['csat.score >= 0.8', 'csat.score', '>=', 0.8],
    ['csat >= 80%', 'csat.score', '>=', 0.8],
    ['fcr.rate >= 0.6', 'fcr.rate', '>=', 0.6],
    ['reopens < 10%', 'reopenRate', '<', 0.1],
    ['serviceLevel >= 0.9', 'serviceLevel.rate', '>=', 0.9],
    ['nps >= 50', 'surveys.nps.score', '>=', 50],
    ['nps.score > -10', 'surveys.nps.score', '>', -10],
    ['customerChurn <= 5%', 'accounts.latest.customerChurn', '<=', 0.05],
    ['netMrrChurn < 0', 'accounts.latest.netMrrChurn', '<', 0],
    ['created = 100', 'created', '==', 100],
    ['unanswered != 0', 'unanswered', '!=', 0],
  ])('%s', (text, path, op, threshold) => {
    const rule = parseRule(text);
    expect(rule.metric.path).toBe(path);
    expect(rule.op).toBe(op);
    expect(rule.threshold).toBeCloseTo(threshold, 12);
    expect(rule.text).toBe(text);
  });

  it('accepts the config object form', () => {
    expect(parseRule({ metric: 'firstReply.median', op: '<', value: '1h' })).toMatchObject({ op: '<', threshold: 60, text: 'firstReply.median < 1h' });
  });

  const usage = (text: string): string => {
    try {
      parseRule(text);
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      return (error as RuleError).message;
    }
    throw new Error('expected a usage error');
  };

  it('rejects an unknown metric and lists the valid names', () => {
    const message = usage('firstReply.p99 <= 4h');
    expect(message).toMatch(/^--rule: unknown metric "firstReply\.p99"; valid metrics: /);
    expect(message).toContain('firstReplyMinutes.{count,mean,median,p90,p95}');
    expect(message).toContain('csat.{score,responseRate}');
    expect(message).toContain('aliases: csat, fcr');
    expect(message).toContain('firstReply.*');
    expect(message).not.toContain('\n');
  });

  it.each([
    ['csat.score >= 80', '--rule: "csat.score >= 80": csat.score is a share from 0 to 1; write 0.8 or 80%'],
    ['firstReply.p90 <= soon', '--rule: "firstReply.p90 <= soon": firstReplyMinutes.p90 is a duration; write e.g. 45m, 4h or 2d'],
    ['csat.score >= 4h', '--rule: "csat.score >= 4h": "4h" is not a share like 0.8 or 80% (csat.score)'],
    ['nps >= 50%', '--rule: "nps >= 50%": "50%" is not a number (surveys.nps.score)'],
    ['csat.score => 0.8', '--rule: "csat.score => 0.8" is not a rule like "firstReply.p90 <= 4h"'],
    ['just words', 'is not a rule like'],
  ])('%s → usage error', (text, expected) => {
    expect(usage(text)).toContain(expected);
  });
});

describe('catalogue', () => {
  it('knows every duration statistic and the sample count behind it', () => {
    expect(lookupMetric('firstResolution.p95')).toEqual({ path: 'firstResolutionMinutes.p95', kind: 'duration', sample: 'firstResolutionMinutes.count', perGroup: true });
    expect(lookupMetric('concentration')?.perGroup).toBe(false);
    expect(lookupMetric('firstReply')).toBeUndefined();
  });

  it('reads paths and gives null for missing or null steps', () => {
    const values = { csat: { score: 0.5 }, fcr: null };
    expect(valueAt(values, 'csat.score')).toBe(0.5);
    expect(valueAt(values, 'fcr.rate')).toBeNull();
    expect(valueAt(values, 'nothing.here')).toBeNull();
  });

  it('lists names on one line', () => {
    expect(validMetricNames()).not.toContain('\n');
  });
});
