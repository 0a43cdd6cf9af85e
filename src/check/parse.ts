import { RULE_OPERATORS, type RuleSpec } from '../config/schema.js';
import { parseDurationMinutes } from '../model/duration.js';
import { lookupMetric, validMetricNames, type MetricInfo } from './catalogue.js';

export type Operator = (typeof RULE_OPERATORS)[number];

export interface Rule {
  /** The rule as the user wrote it, for messages. */
  text: string;
  metric: MetricInfo;
  op: Operator;
  /** In the metric's own unit: minutes for durations, 0..1 for shares. */
  threshold: number;
}

/** A rule that cannot be read; the CLI turns it into a usage error. */
export class RuleError extends Error {}

const RULE = /^\s*([A-Za-z][\w.]*)\s*(<=|>=|==|!=|=|<|>)\s*([^<>=!\s].*?)\s*$/;

/**
 * `firstReply.p90 <= 4h`, `csat.score >= 80%`, `nps > 30`. An unknown metric or a value that
 * does not fit the metric (a duration on a share, 80 for a share) is a usage error, so a typo
 * never turns into a rule that silently passes.
 */
export function parseRule(spec: RuleSpec, where = '--rule'): Rule {
  let name: string;
  let opText: string;
  let valueText: string;
  let text: string;
  if (typeof spec === 'string') {
    const match = RULE.exec(spec);
    if (!match) throw new RuleError(`${where}: "${spec}" is not a rule like "firstReply.p90 <= 4h" (metric, one of ${RULE_OPERATORS.join(' ')}, value)`);
    [, name, opText, valueText] = match as unknown as [string, string, string, string];
    text = spec.trim();
  } else {
    name = spec.metric;
    opText = spec.op;
    valueText = String(spec.value);
    text = `${spec.metric} ${spec.op} ${spec.value}`;
  }
  const metric = lookupMetric(name);
  if (!metric) throw new RuleError(`${where}: unknown metric "${name}"; valid metrics: ${validMetricNames()}`);
  const op = (opText === '=' ? '==' : opText) as Operator;
  return { text, metric, op, threshold: parseThreshold(valueText, metric, `${where}: "${text}"`) };
}

function parseThreshold(text: string, metric: MetricInfo, where: string): number {
  const value = text.trim();
  if (metric.kind === 'duration') {
    const minutes = parseDurationMinutes(value);
    if (Number.isNaN(minutes)) throw new RuleError(`${where}: ${metric.path} is a duration; write e.g. 45m, 4h or 2d (a bare number is minutes)`);
    return minutes;
  }
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(value);
  if (percent && metric.kind !== 'number') return Number(percent[1]) / 100;
  const number = /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) {
    const expected = metric.kind === 'number' ? 'a number' : 'a share like 0.8 or 80%';
    throw new RuleError(`${where}: "${value}" is not ${expected} (${metric.path})`);
  }
  if (metric.kind === 'share' && (number < 0 || number > 1)) {
    throw new RuleError(`${where}: ${metric.path} is a share from 0 to 1; write ${number / 100} or ${number}%`);
  }
  return number;
}
