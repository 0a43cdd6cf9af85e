import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from '../../src/ingest/csv-tokenizer.js';
import { neutraliseCell, toDelimited } from '../../src/render/csv.js';

/** Cells rich in what breaks CSV: delimiters, quotes, line breaks, formula leads, non-ASCII. */
const cellOf = (pieces: string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(''));
const cell = cellOf(['a', 'z', 'é', '€', '😀', ' ', ',', ';', '"', "'", '\n', '\r\n', '\r', '\t', '=', '+', '-', '@', '0', '9']);
/**
 * Rows of one width (a CSV table) under a plain header, as csops writes them, at least two
 * columns so no row is a blank line. The header matters: a reader takes its line break as the
 * record terminator, and csv-stringify leaves a lone CR in a cell unquoted, which only reads
 * back as data once the header has shown that records end in LF.
 */
const table = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc
    .array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 })
    .map((rows) => [Array.from({ length: width }, (_, i) => `column ${i + 1}`), ...rows]),
);

/** Tokenises text split at the given cut points, as a stream would deliver it. */
function tokenize(text: string, cuts: number[], delimiter = ','): { records: string[][]; lines: number[]; problems: string[] } {
  const records: string[][] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  const tokenizer = new CsvTokenizer(
    delimiter,
    (record, line) => {
      records.push(record.fields());
      lines.push(line);
    },
    (line, message) => problems.push(`${line}: ${message}`),
  );
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(from, Math.max(from, cut)));
    from = Math.max(from, cut);
  }
  tokenizer.push(text.slice(from));
  tokenizer.end();
  return { records, lines, problems };
}

const cutsOf = (text: string) => fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 6 });

describe('CSV round trip: what csops writes, csops and csv-parse read back', () => {
  it('csv-parse reads toDelimited output back cell for cell, neutralised formulas included', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const read = parse(toDelimited(rows, 'csv')) as string[][];
        expect(read).toEqual(rows.map((row) => row.map(neutraliseCell)));
      }),
      { numRuns: 300 },
    );
  });

  it('the csops tokenizer reads the same cells, however the text is split into chunks', () => {
    fc.assert(
      fc.property(
        table.chain((rows) => {
          const text = toDelimited(rows, 'csv');
          return fc.tuple(fc.constant(rows), fc.constant(text), cutsOf(text));
        }),
        ([rows, text, cuts]) => {
          const { records, problems } = tokenize(text, cuts);
          expect(problems).toEqual([]);
          expect(records).toEqual(rows.map((row) => row.map(neutraliseCell)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formula neutralisation stays visible after the round trip', () => {
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@'), cell, (lead, rest) => {
        const read = parse(toDelimited([['h'], [lead + rest]], 'csv')) as string[][];
        expect(read[1]).toEqual([`'${lead}${rest}`]);
      }),
    );
  });
});

/** Records the RFC 4180 way, quoting only where needed, each with its line ending. */
const rfc4180 = (rows: string[][], eol: string): string[] =>
  rows.map((row) => row.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',') + eol);

/** Line breaks as an editor counts them: CRLF, LF and a lone CR are one each. */
const lineBreaks = (text: string): number => text.match(/\r\n|\n|\r/g)?.length ?? 0;

describe('the csops tokenizer agrees with csv-parse (the parser it replaced)', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('on quoted, multi-line and empty cells with %s records, and gives each record its first line', (_name, eol) => {
    fc.assert(
      fc.property(
        table.chain((rows) => {
          const lines = rfc4180(rows, eol);
          return fc.tuple(fc.constant(lines), cutsOf(lines.join('')));
        }),
        ([serialised, cuts]) => {
          const text = serialised.join('');
          const { records, lines, problems } = tokenize(text, cuts);
          expect(problems).toEqual([]);
          expect(records).toEqual(parse(text));
          expect(lines).toEqual(serialised.map((_, i) => 1 + lineBreaks(serialised.slice(0, i).join(''))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('reads the same %s records and lines wherever one chunk ends and the next begins', (_name, eol) => {
    // Cuts between a CR and its LF, inside doubled quotes and right after a closing quote; the
    // last record with and without a line break after it.
    for (const last of [eol, '']) {
      const text = ['id,note', '1,"a\r\nb"', '2,plain', '3,"say ""hi"""', '4,', '5,last'].join(eol) + last;
      const whole = tokenize(text, []);
      expect(whole.records).toEqual(parse(text));
      for (let cut = 0; cut <= text.length; cut++) expect(tokenize(text, [cut])).toEqual(whole);
    }
  });

  it('never throws and always ends, whatever the text', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab,"\r\n]{0,60}$/), fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 4 }), (text, cuts) => {
        const { records } = tokenize(text, cuts);
        const whole = tokenize(text, []);
        expect(records).toEqual(whole.records);
      }),
      { numRuns: 500 },
    );
  });
});
