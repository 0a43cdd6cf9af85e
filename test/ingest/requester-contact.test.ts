import { describe, expect, it } from 'vitest';
import { zendeskDocumentTickets } from '../../src/ingest/zendesk-json.js';
import { scratch } from '../temp-dirs.js';
import { byId, jsonTicket, load } from './helpers.js';

/** The requester's id and contact (email, else name) are separate fields: the id never holds a name. */
describe('requester id and contact from each bundled export', () => {
  it.each([
    ['sample/zendesk-export.csv', '10001', 'zendesk-csv'],
    ['sample/zendesk-export.json', '10001', 'zendesk-json'],
    ['sample/zendesk-export.ndjson', '10001', 'zendesk-json'],
    ['freshdesk/tickets.csv', '10001', 'freshdesk-csv'],
    ['helpscout/conversations.csv', '10001', 'helpscout-csv'],
    ['intercom/conversations.csv', '215010001', 'intercom-csv'],
  ])('%s', async (path, id, format) => {
    const { tickets, files } = await load([path]);
    expect(files[0]!.format).toBe(format);
    expect(byId(tickets, id)).toMatchObject({ requester: '5000154', requesterContact: 'customer154@example.com' });
    expect(tickets.every((t) => t.requesterContact?.endsWith('@example.com'))).toBe(true);
  });
});

describe('CSV columns: email before name, and never a name as the id', () => {
  const csvFile = scratch('contact');

  it.each([
    {
      label: 'Zendesk with only the requester name: contact is the name, id stays empty',
      text: 'Id,Created at,Requester\n1,2024-03-01 10:00:00,Ada Lovelace\n',
      expected: { requester: undefined, requesterContact: 'Ada Lovelace' },
    },
    {
      label: 'Zendesk with id, name and email: the email wins',
      text: 'Id,Created at,Requester,Requester id,Requester email\n1,2024-03-01 10:00:00,Ada Lovelace,77,ada@example.org\n',
      expected: { requester: '77', requesterContact: 'ada@example.org' },
    },
    {
      label: 'Zendesk Explore "Requester name"',
      text: 'Id,Created at,Requester ID,Requester name\n1,2024-03-01 10:00:00,77,Ada Lovelace\n',
      expected: { requester: '77', requesterContact: 'Ada Lovelace' },
    },
    {
      label: 'Zendesk with only the id: no contact',
      text: 'Id,Created at,Requester id\n1,2024-03-01 10:00:00,77\n',
      expected: { requester: '77', requesterContact: undefined },
    },
    {
      label: 'Freshdesk "Full name" without "Email"',
      text: 'Ticket ID,Created time,Full name,Contact ID\n1,2024-03-01 10:00:00,Ada Lovelace,77\n',
      expected: { requester: '77', requesterContact: 'Ada Lovelace' },
    },
    {
      label: 'Help Scout "Customer Name" without "Customer Email"',
      text: 'Conversation Number,Mailbox,Created At,Customer Name\n1,Support,2024-03-01T10:00:00Z,Ada Lovelace\n',
      expected: { requester: undefined, requesterContact: 'Ada Lovelace' },
    },
  ])('$label', async ({ text, expected }) => {
    const { tickets } = await load([csvFile('export.csv', text)]);
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.requester).toBe(expected.requester);
    expect(tickets[0]!.requesterContact).toBe(expected.requesterContact);
  });

  it('a column map can name the contact column of any CSV', async () => {
    const path = csvFile('mapped.csv', 'Ticket,Opened,Who\nT-1,2024-03-01T10:00:00Z,ada@example.org\n');
    const { tickets } = await load([path], { map: { id: 'Ticket', createdAt: 'Opened', requesterContact: 'Who' } });
    expect(tickets[0]).toMatchObject({ id: 'T-1', requesterContact: 'ada@example.org' });
    expect(tickets[0]!.requester).toBeUndefined();
  });
});

describe('Zendesk JSON requesters', () => {
  const base = { id: 1, created_at: '2024-03-01T10:00:00Z', requester_id: 77 };
  const read = (raw: unknown) => jsonTicket(raw, { tz: 'UTC', now: Date.now() });

  it.each([
    { label: 'embedded with email', requester: { id: 77, name: 'Ada Lovelace', email: 'ada@example.org' }, contact: 'ada@example.org' },
    { label: 'embedded without email', requester: { id: 77, name: 'Ada Lovelace', email: null }, contact: 'Ada Lovelace' },
    { label: 'embedded with neither', requester: { id: 77 }, contact: undefined },
    { label: 'not embedded', requester: undefined, contact: undefined },
  ])('$label', ({ requester, contact }) => {
    const ticket = read(requester ? { ...base, requester } : base);
    expect(ticket.requester).toBe('77');
    expect(ticket.requesterContact).toBe(contact);
  });

  it('joins side-loaded users to the tickets of an API page by requester_id', () => {
    const page = {
      tickets: [base, { ...base, id: 2, requester_id: 78 }, { ...base, id: 3, requester_id: 79 }],
      users: [
        { id: 77, name: 'Ada Lovelace', email: 'ada@example.org' },
        { id: 78, name: 'Grace Hopper' },
      ],
    };
    const found = zendeskDocumentTickets(page);
    if (typeof found === 'string') throw new Error(found);
    expect(found.tickets.map(read).map((t) => [t.requester, t.requesterContact])).toEqual([
      ['77', 'ada@example.org'],
      ['78', 'Grace Hopper'],
      ['79', undefined],
    ]);
  });
});
