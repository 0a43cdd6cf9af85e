import { valueAt } from './catalogue.js';
import type { Operator, Rule } from './parse.js';

/** What a rule is checked against: the whole export, or one agent/group/… with --by. */
export interface Scope {
  /** "all", or the group's key. */
  name: string;
  /** An object shaped like the metrics JSON `summary` (plus `surveys`/`accounts` at "all"). */
  values: unknown;
}

export type Status = 'pass' | 'fail' | 'insufficient';

export interface Outcome {
  rule: Rule;
  scope: string;
  status: Status;
  /** The measured value; null when the input cannot give it. */
  actual: number | null;
  /** Data points behind the value (the metric's count), when it has one. */
  sample: number | null;
  /** Why the outcome is what it is, in one short phrase. */
  reason: string;
}

export interface CheckOptions {
  minSample: number;
  allowInsufficient: boolean;
}

export interface CheckResult {
  passed: boolean;
  outcomes: Outcome[];
  counts: { pass: number; fail: number; insufficient: number };
}

const COMPARE: Record<Operator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

function judge(rule: Rule, scope: Scope, options: CheckOptions): Outcome {
  const actual = valueAt(scope.values, rule.metric.path);
  const sample = rule.metric.sample === undefined ? null : (valueAt(scope.values, rule.metric.sample) ?? 0);
  const base = { rule, scope: scope.name, actual, sample };
  if (actual === null) return { ...base, status: 'insufficient', reason: sample === 0 || sample === null ? 'no data for this metric' : 'not computable from this input' };
  if (sample !== null && sample < options.minSample) {
    return { ...base, status: 'insufficient', reason: `only ${sample} data points (at least ${options.minSample} needed)` };
  }
  const ok = COMPARE[rule.op](actual, rule.threshold);
  return { ...base, status: ok ? 'pass' : 'fail', reason: ok ? 'within the threshold' : 'crosses the threshold' };
}

/**
 * Judges every rule in every scope it applies to: ticket rules in each group when the scopes
 * are a --by split, customer rules (surveys, accounts) once, overall. The check passes only if
 * every outcome passes; an insufficient-data outcome fails it unless allowInsufficient.
 */
export function evaluateRules(rules: readonly Rule[], overall: Scope, groups: readonly Scope[] | null, options: CheckOptions): CheckResult {
  const outcomes: Outcome[] = [];
  for (const rule of rules) {
    if (groups !== null && rule.metric.perGroup && groups.length === 0) {
      // A split with no groups must not pass by having nothing to judge.
      outcomes.push({ rule, scope: overall.name, status: 'insufficient', actual: null, sample: 0, reason: 'no groups to check' });
      continue;
    }
    const scopes = groups !== null && rule.metric.perGroup ? groups : [overall];
    for (const scope of scopes) outcomes.push(judge(rule, scope, options));
  }
  const counts = { pass: 0, fail: 0, insufficient: 0 };
  for (const o of outcomes) counts[o.status]++;
  return { passed: counts.fail === 0 && (options.allowInsufficient || counts.insufficient === 0), outcomes, counts };
}
