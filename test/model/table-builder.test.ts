import { describe, expect, it } from 'vitest';
import { ticketAt, TicketTableBuilder, valueRange } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';

const tickets: Ticket[] = [
  { id: '1', createdAt: 1000 },
  { id: '2', createdAt: 2000, status: 'open', assignee: 'Ada' },
  { id: '3', createdAt: 3000, replies: 2 },
  { id: '4', createdAt: 4000 },
];

/** Writes the tickets, leaving `skipped` half-written and uncommitted, as a malformed row is. */
function build(expected: number | undefined, skipped?: Ticket): Ticket[] {
  const builder = new TicketTableBuilder();
  if (expected !== undefined) builder.expectRows(expected);
  for (const [index, ticket] of tickets.entries()) {
    if (skipped && index === 2) {
      builder.startRow();
      builder.writeTicket(skipped);
    }
    builder.upsert(ticket);
  }
  const table = builder.build();
  return Array.from({ length: table.length }, (_, row) => ticketAt(table, row));
}

describe('TicketTableBuilder', () => {
  it.each([undefined, 3, 1_000_000])('gives the same rows whatever it is told to expect (%s)', (expected) => {
    expect(build(expected)).toEqual(tickets);
  });

  it('a row started but never committed leaves nothing behind', () => {
    const half: Ticket = { id: '99', createdAt: 9, solvedAt: 10, priority: 'urgent', group: 'Billing', tags: ['x'], satisfaction: 'good' };
    expect(build(undefined, half)).toEqual(tickets);
    expect(build(1_000_000, half)).toEqual(tickets);
  });
});

describe('TicketTableBuilder narrow columns', () => {
  const readBack = (rows: Ticket[], parts?: [Ticket[], Ticket[]]) => {
    const builder = new TicketTableBuilder();
    if (parts) {
      const worker = new TicketTableBuilder();
      for (const t of parts[0]) builder.upsert(t);
      for (const t of parts[1]) worker.upsert(t);
      builder.append(worker.part());
    } else for (const t of rows) builder.upsert(t);
    const table = builder.build();
    return { table, tickets: Array.from({ length: table.length }, (_, row) => ticketAt(table, row)) };
  };

  it('keeps whole minutes in Float32 and switches to Float64 at the first value that needs it, every value exact', () => {
    const rows: Ticket[] = [
      { id: '1', createdAt: 1, firstReplyMinutes: 15, replies: 2 },
      { id: '2', createdAt: 2, firstReplyMinutes: 2.0833333333333335, replies: 3 },
      { id: '3', createdAt: 3, firstReplyMinutes: 16_777_217 },
    ];
    const { table, tickets: back } = readBack(rows);
    expect(back).toEqual(rows);
    expect(table.firstReplyMinutes).toBeInstanceOf(Float64Array);
    expect(table.replies).toBeInstanceOf(Float32Array);
  });

  it('keeps ids above 2^24 exact', () => {
    const rows: Ticket[] = [
      { id: '7', createdAt: 1 },
      { id: '9007199254740', createdAt: 2 },
    ];
    const { table, tickets: back } = readBack(rows);
    expect(back.map((t) => t.id)).toEqual(['7', '9007199254740']);
    expect('numeric' in table.id && table.id.numeric).toBeInstanceOf(Float64Array);
  });

  it('codes a dictionary of more than 32,767 values in an Int32Array', () => {
    const rows: Ticket[] = Array.from({ length: 40_000 }, (_, i) => ({ id: String(i + 1), createdAt: i, assignee: `agent ${i}` }));
    const { table, tickets: back } = readBack(rows);
    expect(table.assignee.codes).toBeInstanceOf(Int32Array);
    expect(back[39_999]!.assignee).toBe('agent 39999');
    expect(back[100]!.assignee).toBe('agent 100');
  });

  it.each([
    ['the other thread went wide', [{ id: '1', createdAt: 1, handleMinutes: 4 }], [{ id: '2', createdAt: 2, handleMinutes: 4.5 + 1e-9 }]],
    ['this thread went wide', [{ id: '1', createdAt: 1, handleMinutes: 4.5 + 1e-9 }], [{ id: '2', createdAt: 2, handleMinutes: 4 }]],
    ['only the other thread has values', [{ id: '1', createdAt: 1 }], [{ id: '2', createdAt: 2, handleMinutes: 1 / 3 }]],
  ] as [string, Ticket[], Ticket[]][])('joins parts of different widths exactly: %s', (_name, first, second) => {
    expect(readBack([], [first, second]).tickets).toEqual([...first, ...second]);
  });

  it('joins dictionaries whose union needs an Int32Array', () => {
    const first: Ticket[] = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i + 1), createdAt: i, group: `a${i}` }));
    const second: Ticket[] = Array.from({ length: 20_000 }, (_, i) => ({ id: String(i + 20_001), createdAt: i, group: `b${i}` }));
    const { table, tickets: back } = readBack([], [first, second]);
    expect(table.group.codes).toBeInstanceOf(Int32Array);
    expect(back).toEqual([...first, ...second]);
  });
});

describe('TicketTableBuilder clearing rows ahead', () => {
  // As the CSV reader writes: only the cells that hold a value, so a row whose cell is empty is
  // never written in that column and must read back missing wherever it falls.
  it('reads back a cell never written as missing, also at the end of the array as it grows and after a switch to Float64', () => {
    const minutes = (i: number): number | undefined =>
      [1024, 2048, 2049, 4096, 6000, 6001].includes(i) ? undefined : i === 5000 ? 2.1 : i === 3000 ? 2 ** 25 + 1 : i % 90;
    for (const expected of [0, 10_000]) {
      const builder = new TicketTableBuilder();
      builder.expectRows(expected);
      for (let i = 0; i < 8_000; i++) {
        builder.startRow();
        builder.cells.id.set(i + 1);
        builder.cells.createdAt.set(i);
        const value = minutes(i);
        if (value !== undefined) builder.cells.firstReplyMinutes.set(value);
        builder.commitRow();
      }
      const table = builder.build();
      const read = Array.from(table.firstReplyMinutes, (v) => (Number.isNaN(v) ? undefined : v));
      expect(read).toEqual(Array.from({ length: 8_000 }, (_, i) => minutes(i)));
      expect(table.firstReplyMinutes).toBeInstanceOf(Float64Array);
    }
  });

  it('gives the same rows across clearing blocks, with abandoned rows and columns that start late', () => {
    const rows: Ticket[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: String(i + 1),
      createdAt: i,
      ...(i % 3 === 0 ? { replies: i % 5 } : {}),
      ...(i >= 5_000 && i % 2 === 0 ? { handleMinutes: i / 7 } : {}),
      ...(i % 11 === 0 ? { group: `g${i % 4}` } : {}),
    }));
    const abandoned: Ticket = { id: 'x', createdAt: 1, replies: 9, handleMinutes: 9, group: 'stale', status: 'open', satisfaction: 'bad' };
    for (const expected of [0, 10_000]) {
      const builder = new TicketTableBuilder();
      builder.expectRows(expected);
      for (const [i, ticket] of rows.entries()) {
        if (i % 7 === 0 || i === 4095 || i === 4096) {
          builder.startRow();
          builder.writeTicket(abandoned);
        }
        builder.upsert(ticket);
      }
      const table = builder.build();
      expect(Array.from({ length: table.length }, (_, row) => ticketAt(table, row))).toEqual(rows);
    }
  });
});

describe('valueRange', () => {
  it.each([
    ['skips missing values', new Float64Array([Number.NaN, 5, -2, Number.NaN, 9]), { min: -2, max: 9 }],
    ['reads a narrow column', new Float32Array([3, 1, 2]), { min: 1, max: 3 }],
    ['has no range without values', new Float64Array([Number.NaN]), { min: Infinity, max: -Infinity }],
  ])('%s', (_case, column, expected) => {
    expect(valueRange(column)).toEqual(expected);
  });
});
