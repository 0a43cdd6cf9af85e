import { describe, expect, it } from 'vitest';
import { supportByStanding } from '../../src/metrics/customer/support-join.js';
import { DEFAULT_CSAT_SATISFIED_FROM } from '../../src/metrics/defaults.js';
import { tableFromTickets } from '../../src/model/table.js';
import type { Ticket } from '../../src/model/ticket.js';

const at = Date.UTC(2024, 2, 1);
const ticket = (id: string, extra: Partial<Ticket>): Ticket => ({ id, createdAt: at, ...extra });
const standing = new Map<string, 'retained' | 'churned'>([
  ['ACME', 'retained'],
  ['delta', 'retained'],
  ['blue', 'churned'],
]);
const options = { recordsOffers: true, csatSatisfiedFrom: DEFAULT_CSAT_SATISFIED_FROM };

describe('support load and CSAT of churned vs retained customers', () => {
  it('joins on organization, case-insensitively, and counts per side', () => {
    const table = tableFromTickets([
      ticket('1', { organization: 'acme', satisfaction: 'good' }),
      ticket('2', { organization: 'Acme', satisfaction: 'bad' }),
      ticket('3', { organization: 'blue', satisfaction: 'bad' }),
      ticket('4', { organization: 'blue', satisfaction: 'offered' }),
      ticket('5', { organization: 'blue' }),
      ticket('6', { organization: 'stranger', satisfaction: 'good' }),
    ]);
    const result = supportByStanding(table, standing, options)!;
    expect(result.joinedOn).toBe('organization');
    expect(result.matchedTickets).toBe(5);
    // Retained: 2 customers, acme has 2 tickets, one good and one bad.
    expect(result.retained).toMatchObject({ customers: 2, customersWithTickets: 1, tickets: 2, ticketsPerCustomer: 1 });
    expect(result.retained.csat).toMatchObject({ responses: 2, satisfied: 1, score: 0.5 });
    // Churned: blue, 3 tickets, one bad answer of two offers.
    expect(result.churned).toMatchObject({ customers: 1, customersWithTickets: 1, tickets: 3, ticketsPerCustomer: 3 });
    expect(result.churned.csat).toMatchObject({ offered: 2, responses: 1, satisfied: 0, score: 0, responseRate: 0.5 });
  });

  it('falls back to the requester when it matches more tickets', () => {
    const table = tableFromTickets([ticket('1', { requester: 'blue' }), ticket('2', { requester: 'delta' })]);
    expect(supportByStanding(table, standing, options)).toMatchObject({ joinedOn: 'requester', matchedTickets: 2 });
  });

  it('is null when no ticket belongs to a known customer', () => {
    const table = tableFromTickets([ticket('1', { organization: 'nobody' })]);
    expect(supportByStanding(table, standing, options)).toBeNull();
  });
});
