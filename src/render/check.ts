import type { ChalkInstance } from 'chalk';
import type { CheckResult, Outcome, Status } from '../check/evaluate.js';
import { formatValue } from '../model/format.js';
import { escapeHtml } from './escape.js';
import { markdownTable } from './markdown.js';
import { renderTable } from './table.js';

/** Outputs of `csops check`: a terminal table, JUnit XML, GitHub annotations and summary. */

export interface CheckReport extends CheckResult {
  minSample: number;
  allowInsufficient: boolean;
  by: string | null;
}

const LABEL: Record<Status, string> = { pass: 'PASS', fail: 'FAIL', insufficient: 'INSUFFICIENT DATA' };

const actualText = (o: Outcome): string => formatValue(o.rule.metric.kind, o.actual);
const thresholdText = (o: Outcome): string => `${o.rule.op} ${formatValue(o.rule.metric.kind, o.rule.threshold)}`;
const sampleText = (o: Outcome): string => (o.sample === null ? '' : String(o.sample));

/** "insufficient data" only fails the check without --allow-insufficient. */
const fails = (o: Outcome, report: CheckReport): boolean => o.status === 'fail' || (o.status === 'insufficient' && !report.allowInsufficient);

export function summaryLine(report: CheckReport): string {
  const { pass, fail, insufficient } = report.counts;
  const verdict = report.passed ? 'check passed' : 'check failed';
  const extra = insufficient > 0 ? `, ${insufficient} with insufficient data${report.allowInsufficient ? ' (allowed)' : ''}` : '';
  return `${verdict}: ${pass} passed, ${fail} failed${extra}`;
}

export function checkTable(report: CheckReport, chalk: ChalkInstance): string {
  const colour: Record<Status, (s: string) => string> = { pass: chalk.green, fail: chalk.red, insufficient: chalk.yellow };
  const rows = report.outcomes.map((o) => [colour[o.status](LABEL[o.status]), o.rule.text, o.scope, actualText(o), thresholdText(o), sampleText(o), o.reason]);
  const table = renderTable({ head: ['result', 'rule', 'scope', 'actual', 'target', 'n', 'why'], rows, chalk, alignRight: [3, 5] });
  return `${table}${summaryLine(report)}\n`;
}

export function checkJson(report: CheckReport): object {
  return {
    schemaVersion: 1,
    passed: report.passed,
    minSample: report.minSample,
    allowInsufficient: report.allowInsufficient,
    by: report.by,
    counts: report.counts,
    results: report.outcomes.map((o) => ({
      rule: o.rule.text,
      metric: o.rule.metric.path,
      op: o.rule.op,
      threshold: o.rule.threshold,
      scope: o.scope,
      status: o.status,
      actual: o.actual,
      sample: o.sample,
      reason: o.reason,
    })),
  };
}

const outcomeMessage = (o: Outcome): string =>
  `${o.rule.text}${o.scope === 'all' ? '' : ` [${o.scope}]`}: ${o.status === 'insufficient' ? o.reason : `was ${actualText(o)}, target ${thresholdText(o)}`}${o.sample === null ? '' : ` (n=${o.sample})`}`;

/** JUnit XML: one test case per rule and scope; allowed insufficient data is "skipped". */
export function checkJunit(report: CheckReport): string {
  const failures = report.outcomes.filter((o) => fails(o, report)).length;
  const skipped = report.outcomes.filter((o) => o.status === 'insufficient' && report.allowInsufficient).length;
  const cases = report.outcomes.map((o) => {
    const name = escapeHtml(o.scope === 'all' ? o.rule.text : `${o.rule.text} [${o.scope}]`);
    const open = `    <testcase classname="csops.check" name="${name}">`;
    if (o.status === 'pass') return `    <testcase classname="csops.check" name="${name}"/>`;
    const inner = fails(o, report)
      ? `      <failure message="${escapeHtml(outcomeMessage(o))}" type="${o.status}"/>`
      : `      <skipped message="${escapeHtml(outcomeMessage(o))}"/>`;
    return `${open}\n${inner}\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="csops check" tests="${report.outcomes.length}" failures="${failures}" skipped="${skipped}">`,
    `  <testsuite name="csops check" tests="${report.outcomes.length}" failures="${failures}" skipped="${skipped}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Escaping of GitHub workflow commands: data escapes %, CR, LF; properties also : and ,. */
const ghData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProperty = (text: string): string => ghData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Workflow annotations: an error per failing outcome, a warning per allowed insufficient one. */
export function checkAnnotations(report: CheckReport): string {
  const lines: string[] = [];
  for (const o of report.outcomes) {
    if (o.status === 'pass') continue;
    const level = fails(o, report) ? 'error' : 'warning';
    const title = o.status === 'fail' ? 'csops check failed' : 'csops check: insufficient data';
    lines.push(`::${level} title=${ghProperty(title)}::${ghData(outcomeMessage(o))}`);
  }
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** The Markdown appended to $GITHUB_STEP_SUMMARY. */
export function checkMarkdown(report: CheckReport): string {
  const icon: Record<Status, string> = { pass: '✅ pass', fail: '❌ fail', insufficient: report.allowInsufficient ? '⚠️ insufficient data' : '❌ insufficient data' };
  const rows = report.outcomes.map((o) => [icon[o.status], `\`${o.rule.text}\``, o.scope, actualText(o), thresholdText(o), sampleText(o)]);
  return `### csops check: ${report.passed ? 'passed' : 'failed'}\n\n${markdownTable(['result', 'rule', 'scope', 'actual', 'target', 'n'], rows, [3, 5])}\n${summaryLine(report)}\n`;
}
