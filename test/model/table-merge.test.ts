import { describe, expect, it } from 'vitest';
import { tableFromTickets, ticketAt, TicketTableBuilder, type TicketTable } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';

const HOUR = 3_600_000;
const ticket = (id: string, updatedAt: number | undefined, assignee: string): Ticket => ({
  id,
  createdAt: 0,
  ...(updatedAt !== undefined ? { updatedAt } : {}),
  assignee,
});
const rows = (table: TicketTable): [string, string | undefined][] =>
  Array.from({ length: table.length }, (_, i) => [ticketAt(table, i).id, ticketAt(table, i).assignee]);

describe('TicketTableBuilder merges tickets that share an id', () => {
  // Integer ids take the sorting path, the others the Map path: both must merge alike.
  for (const [kind, ids] of [
    ['integer ids', ['7', '8', '9']],
    ['text ids', ['a-7', 'a-8', 'a-9']],
  ] as const) {
    it(`${kind}: the newest copy takes the first copy's place; later copies win ties`, () => {
      const [a, b, c] = ids;
      const builder = new TicketTableBuilder();
      for (const t of [
        ticket(a, 2 * HOUR, 'first a'),
        ticket(b, HOUR, 'first b'),
        ticket(a, 3 * HOUR, 'newer a'),
        ticket(c, undefined, 'first c'),
        ticket(a, HOUR, 'older a'),
        ticket(b, HOUR, 'tied b'),
        ticket(c, undefined, 'later c'),
      ]) {
        builder.upsert(t);
      }
      const table = builder.build();
      expect(builder.duplicates).toBe(4);
      expect(rows(table)).toEqual([
        [a, 'newer a'],
        [b, 'tied b'],
        [c, 'later c'],
      ]);
      expect(table.updatedAt[0]).toBe(3 * HOUR);
    });
  }

  it('an id with a leading zero is not the same ticket as the integer', () => {
    const table = tableFromTickets([ticket('42', 1, 'x'), ticket('042', 2, 'y'), ticket('42', 3, 'z')]);
    expect(rows(table)).toEqual([
      ['42', 'z'],
      ['042', 'y'],
    ]);
  });

  it('a table without repeated ids keeps every row in arrival order', () => {
    const ids = ['10', '2', '33', '4', '5'];
    const table = tableFromTickets(ids.map((id) => ticket(id, 1, `agent ${id}`)));
    expect(table.id).toEqual({ numeric: Float32Array.from(ids, Number) });
    expect(rows(table).map(([, assignee]) => assignee)).toEqual(ids.map((id) => `agent ${id}`));
  });
});
