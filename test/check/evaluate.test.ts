import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { evaluateRules, type Scope } from '../../src/check/evaluate.js';
import { parseRule } from '../../src/check/parse.js';
import { checkAnnotations, checkJson, checkJunit, checkMarkdown, checkTable, type CheckReport } from '../../src/render/check.js';

const summary = (p90: number, count: number, csat: number | null, responses: number) => ({
  created: count,
  firstReplyMinutes: { count, mean: p90 / 2, median: p90 / 2, p90, p95: p90 },
  csat: csat === null ? null : { offered: responses, responses, satisfied: 0, score: csat, responseRate: 1, scale: 'good-bad' },
});
const overall: Scope = { name: 'all', values: { ...summary(200, 100, 0.9, 40), surveys: { nps: { responses: 5, score: 60 } } } };
const options = { minSample: 20, allowInsufficient: false };
const rules = (...texts: string[]) => texts.map((t) => parseRule(t));

describe('evaluateRules', () => {
  it('passes when every rule holds', () => {
    const result = evaluateRules(rules('firstReply.p90 <= 4h', 'csat >= 80%'), overall, null, options);
    expect(result.passed).toBe(true);
    expect(result.counts).toEqual({ pass: 2, fail: 0, insufficient: 0 });
    expect(result.outcomes[0]).toMatchObject({ status: 'pass', actual: 200, sample: 100, scope: 'all' });
  });

  it('fails when one rule crosses its threshold', () => {
    const result = evaluateRules(rules('firstReply.p90 <= 3h', 'csat >= 80%'), overall, null, options);
    expect(result.passed).toBe(false);
    expect(result.outcomes.map((o) => o.status)).toEqual(['fail', 'pass']);
  });

  it('treats too little data as a failure unless allowed, never as a pass', () => {
    // NPS has 5 answers, below the default minimum sample of 20.
    const strict = evaluateRules(rules('nps >= 50'), overall, null, options);
    expect(strict).toMatchObject({ passed: false, counts: { pass: 0, fail: 0, insufficient: 1 } });
    expect(strict.outcomes[0]!.reason).toBe('only 5 data points (at least 20 needed)');
    expect(evaluateRules(rules('nps >= 50'), overall, null, { ...options, allowInsufficient: true }).passed).toBe(true);
    expect(evaluateRules(rules('nps >= 50'), overall, null, { ...options, minSample: 5 }).outcomes[0]!.status).toBe('pass');
  });

  it('treats a metric the input lacks as insufficient data', () => {
    const result = evaluateRules(rules('fcr >= 0.6', 'customerChurn <= 5%'), overall, null, options);
    expect(result.outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['insufficient', 'no data for this metric'],
      ['insufficient', 'no data for this metric'],
    ]);
  });

  it('with --by, judges every group on its own and customer metrics once overall', () => {
    const groups: Scope[] = [
      { name: 'Billing', values: summary(100, 30, 0.95, 25) },
      { name: 'Tech', values: summary(500, 40, 0.7, 30) },
      { name: 'Tiny', values: summary(10, 3, 1, 3) },
    ];
    const result = evaluateRules(rules('firstReply.p90 <= 4h', 'csat >= 0.8', 'nps > 0'), overall, groups, { ...options, minSample: 5 });
    expect(result.outcomes.map((o) => `${o.rule.text} ${o.scope} ${o.status}`)).toEqual([
      'firstReply.p90 <= 4h Billing pass',
      'firstReply.p90 <= 4h Tech fail',
      'firstReply.p90 <= 4h Tiny insufficient',
      'csat >= 0.8 Billing pass',
      'csat >= 0.8 Tech fail',
      'csat >= 0.8 Tiny insufficient',
      'nps > 0 all pass',
    ]);
    expect(result.passed).toBe(false);
  });

  it('does not pass a split that has no groups', () => {
    const result = evaluateRules(rules('csat >= 0.8'), overall, [], options);
    expect(result).toMatchObject({ passed: false, counts: { insufficient: 1 } });
    expect(result.outcomes[0]!.reason).toBe('no groups to check');
  });
});

describe('check outputs', () => {
  const result = evaluateRules(rules('firstReply.p90 <= 3h', 'csat >= 80%', 'nps >= 50'), overall, null, options);
  const report: CheckReport = { ...result, minSample: 20, allowInsufficient: false, by: null };

  it('table', () => {
    expect(checkTable(report, new Chalk({ level: 0 }))).toMatchSnapshot();
  });

  it('json', () => {
    expect(checkJson(report)).toMatchObject({
      schemaVersion: 1,
      passed: false,
      counts: { pass: 1, fail: 1, insufficient: 1 },
      results: [
        { rule: 'firstReply.p90 <= 3h', metric: 'firstReplyMinutes.p90', op: '<=', threshold: 180, status: 'fail', actual: 200, sample: 100 },
        { status: 'pass' },
        { status: 'insufficient', sample: 5 },
      ],
    });
  });

  it('junit: a failure per failing rule, insufficient data failing too', () => {
    const xml = checkJunit(report);
    expect(xml).toMatchSnapshot();
    expect(xml).toContain('tests="3" failures="2" skipped="0"');
  });

  it('junit: allowed insufficient data is skipped', () => {
    const xml = checkJunit({ ...report, allowInsufficient: true });
    expect(xml).toContain('tests="3" failures="1" skipped="1"');
    expect(xml).toContain('<skipped message="nps &gt;= 50: only 5 data points (at least 20 needed) (n=5)"/>');
  });

  it('junit: markup in a scope name is escaped', () => {
    const scoped = evaluateRules(rules('firstReply.p90 <= 3h'), overall, [{ name: `O'Brien & <ops>`, values: summary(200, 100, null, 0) }], options);
    const xml = checkJunit({ ...scoped, minSample: 20, allowInsufficient: false, by: 'agent' });
    expect(xml).toContain('name="firstReply.p90 &lt;= 3h [O&#39;Brien &amp; &lt;ops&gt;]"');
  });

  it('github: error annotations with workflow-command escaping', () => {
    expect(checkAnnotations(report)).toBe(
      [
        '::error title=csops check failed::firstReply.p90 <= 3h: was 3.3h, target <= 3h (n=100)',
        '::error title=csops check%3A insufficient data::nps >= 50: only 5 data points (at least 20 needed) (n=5)',
        'check failed: 1 passed, 1 failed, 1 with insufficient data',
        '',
      ].join('\n'),
    );
    const percent = evaluateRules(rules('csat >= 95%'), overall, null, options);
    expect(checkAnnotations({ ...percent, minSample: 20, allowInsufficient: false, by: null })).toContain('was 90%25, target >= 95%25');
  });

  it('github: allowed insufficient data is a warning, not an error', () => {
    const lines = checkAnnotations({ ...report, allowInsufficient: true }).split('\n');
    expect(lines).toContain('::warning title=csops check%3A insufficient data::nps >= 50: only 5 data points (at least 20 needed) (n=5)');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });

  it('markdown summary', () => {
    expect(checkMarkdown(report)).toMatchSnapshot();
  });
});
