import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toDelimited } from '../../src/render/csv.js';

describe('formula neutralisation (spreadsheet injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1-555-0100', `'+1-555-0100`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\tindented', `'\tindented`],
    ['\rreturn', `'\rreturn`],
    ['plain text', 'plain text'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('writes numbers as numbers, negatives included, and empties for null/NaN', () => {
    expect([neutraliseCell(-3.5), neutraliseCell(0), neutraliseCell(null), neutraliseCell(undefined), neutraliseCell(Number.NaN)]).toEqual([
      '-3.5',
      '0',
      '',
      '',
      '',
    ]);
  });

  it('CSV output quotes what needs quoting and reads back with the neutralising apostrophe visible', () => {
    const rows = [
      ['group', 'subject', 'count'],
      ['=cmd|calc', 'says "hi", twice\nthen leaves', 3],
    ];
    const text = toDelimited(rows, 'csv');
    expect(text).toBe(`group,subject,count\n'=cmd|calc,"says ""hi"", twice\nthen leaves",3\n`);
    expect(parse(text)).toEqual([
      ['group', 'subject', 'count'],
      ["'=cmd|calc", 'says "hi", twice\nthen leaves', '3'],
    ]);
  });

  it('TSV output has no tabs or newlines inside cells', () => {
    expect(toDelimited([['a\tb', '@x\ny', 1]], 'tsv')).toBe(`a b\t'@x y\t1\n`);
  });
});
