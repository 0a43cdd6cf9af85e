import { describe, expect, it } from 'vitest';
import { CsopsError } from '../../src/errors.js';
import { readAccounts, readAmount } from '../../src/ingest/accounts.js';
import { readSurveys } from '../../src/ingest/surveys.js';
import { accountMetrics } from '../../src/metrics/customer/accounts.js';
import { surveyMetrics } from '../../src/metrics/customer/surveys.js';
import { scratch } from '../temp-dirs.js';

const fixture = (path: string): string => new URL(`../../fixtures/${path}`, import.meta.url).pathname;
const defaults = { tz: 'UTC', cesScale: '1-7', csatScale: '1-5' } as const;
const temp = scratch('customer-ingest');

async function inputError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CsopsError) {
      expect(error.exitCode).toBe(2);
      return error.message;
    }
    throw error;
  }
  throw new Error('expected an input error');
}

describe('readSurveys', () => {
  it('reads the CSV fixture; its figures match the hand count', async () => {
    const file = await readSurveys(fixture('surveys/surveys.csv'), defaults);
    expect(file.responses).toHaveLength(21);
    expect(file.responses[6]).toMatchObject({ respondent: 'c-107', ticketId: '5007', comment: 'slow, but solved', score: 6 });
    const m = surveyMetrics(file.responses, file);
    expect(m.nps).toMatchObject({ responses: 10, promoters: 6, detractors: 2, score: 40 });
    expect(m.ces).toMatchObject({ scale: '1-7', mean: 5.2, median: 6 });
    expect(m.csat?.score).toBeCloseTo(4 / 6, 12);
  });

  it('reads JSON with case-insensitive types, ticket ids and the configured CSAT scale', async () => {
    const file = await readSurveys(fixture('surveys/surveys.json'), { ...defaults, csatScale: '0-10' });
    expect(file.responses.map((r) => r.type)).toEqual(['csat', 'csat', 'csat', 'csat', 'nps', 'nps']);
    expect(file.responses[0]).toEqual({ type: 'csat', score: 10, at: Date.UTC(2024, 3, 1, 10), ticketId: '7001' });
    const m = surveyMetrics(file.responses, { ...file, csatSatisfiedFrom: 8 });
    expect(m.csat?.score).toBe(0.75);
    expect(m.nps?.score).toBe(0);
  });

  it.each([
    ['surveys/bad-score.csv', 'bad-score.csv:3: field "score": "11" is not a NPS score on the 0-10 scale'],
    ['surveys/bad-type.csv', 'bad-type.csv:4: field "type": "loyalty" is not a survey type (nps, ces, csat)'],
    ['surveys/mixed-scale.csv', 'mixed-scale.csv:3: field "scale": CES answers use two scales: 0-5 (line 2) and 1-7'],
    ['surveys/no-id.csv', 'no-id.csv: needs a respondent or a ticket id column'],
    ['surveys/bad-date.csv', 'bad-date.csv:2: field "date": "yesterday" is not a date'],
    ['surveys/bad-record.json', 'bad-record.json:3: record 2 is not an object'],
    ['surveys/bad-syntax.json', 'bad-syntax.json:3: is not valid JSON'],
    ['accounts/accounts.csv', 'accounts.csv: no "type" column'],
    ['surveys/missing.csv', 'missing.csv: no such file'],
    ['surveys', 'surveys: is a directory, not an export file'],
    ['surveys/empty.json', 'empty.json: has no records'],
  ])('%s → %s', async (path, expected) => {
    const message = await inputError(readSurveys(fixture(path), defaults));
    expect(message).toContain(expected);
  });

  it('rejects "constructor" as a survey type (not a property every object has)', async () => {
    const path = temp('prototype-type.csv', 'respondent,date,type,score\nc-1,2024-03-01,constructor,5\n');
    expect(await inputError(readSurveys(path, defaults))).toContain('field "type": "constructor" is not a survey type');
  });
});

describe('readAccounts', () => {
  it('reads the CSV fixture into the rows the hand-computed tests use', async () => {
    const rows = await readAccounts(fixture('accounts/accounts.csv'));
    expect(rows).toHaveLength(13);
    expect(rows[8]).toEqual({ customer: 'acme', month: '2024-03', mrr: 150, plan: 'business' });
    expect(accountMetrics(rows).latest?.netMrrChurn).toBeCloseTo(150 / 420, 12);
  });

  it('reads JSON with day dates, currency text and other column names', async () => {
    const rows = await readAccounts(fixture('accounts/accounts.json'));
    expect(rows[0]).toEqual({ customer: 'acme', month: '2024-01', mrr: 1000 });
    // blue (500 of 1500) leaves, acme grows by 200: (500 − 200) / 1500 = 0.2.
    expect(accountMetrics(rows).latest?.netMrrChurn).toBeCloseTo(0.2, 12);
  });

  it.each([
    ['accounts/bad-mrr.csv', 'bad-mrr.csv:3: field "mrr": "-5" is not an amount of at least 0'],
    ['accounts/bad-month.csv', 'bad-month.csv:2: field "month": "March 2024" is not a month (use YYYY-MM)'],
    ['accounts/no-mrr.csv', 'no-mrr.csv: no "mrr" column (accepted names: mrr, revenue, monthly revenue, amount; found: customer, month, plan)'],
    ['accounts/ragged.csv', 'ragged.csv:3: expect 3, got 4'],
    ['accounts/header-only.csv', 'header-only.csv: has no records (only a header, or an empty array)'],
  ])('%s → %s', async (path, expected) => {
    expect(await inputError(readAccounts(fixture(path)))).toContain(expected);
  });

  it.each([
    ['1200', 1200],
    ['$1,200.50', 1200.5],
    ['€ 99', 99],
    ['1 000', 1000],
    ['USD 15', 15],
    ['0', 0],
    ['-5', undefined],
    ['1,2', undefined],
    ['ten', undefined],
  ])('readAmount(%s) = %s', (text, value) => {
    expect(readAmount(text)).toBe(value);
  });
});
