import { describe, expect, it } from 'vitest';
import { createdPeriod, fieldCoverage } from '../../src/ingest/coverage.js';
import { tableFromTickets } from '../../src/model/table.js';

const at = (iso: string): number => Date.parse(iso);

describe('createdPeriod', () => {
  it('spans the calendar days of the first and last creation in the zone, whatever the row order', () => {
    const table = tableFromTickets([
      { id: '2', createdAt: at('2024-03-02T01:00:00Z') },
      { id: '1', createdAt: at('2024-03-01T23:00:00Z') },
    ]);
    expect(createdPeriod(table, 'UTC')).toEqual({ from: '2024-03-01T23:00:00Z', to: '2024-03-02T01:00:00Z', days: 2 });
    // The same two instants fall on one day in New York.
    expect(createdPeriod(table, 'America/New_York')?.days).toBe(1);
  });

  it('is null without tickets', () => {
    expect(createdPeriod(tableFromTickets([]), 'UTC')).toBeNull();
  });
});

describe('fieldCoverage', () => {
  it('gives the share of tickets carrying each field', () => {
    const coverage = fieldCoverage(tableFromTickets([{ id: '1', createdAt: 0, replies: 2 }, { id: '2', createdAt: 1 }]));
    expect(coverage).toMatchObject({ id: 1, createdAt: 1, replies: 0.5, solvedAt: 0 });
  });
});
