import { describe, expect, it } from 'vitest';
import { ticketAt, TicketTableBuilder } from '../../src/model/table.js';
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
