#!/usr/bin/env node
// Writes every fixture under fixtures/ from a fixed seed, so they can be regenerated and
// reviewed: `npm run fixtures`. The sample export is the one `npx csops report` runs on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { stringify } from 'csv-stringify/sync';
import { mulberry32 } from './seeded-random.js';
import { csvTime, isoTime, pad, randomDraws, ZENDESK_CSV_COLUMNS, zendeskJsonTicket } from './zendesk-synthetic.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const rand = mulberry32(20240304);
const { pick, logNormal } = randomDraws(rand);
const weighted = (pairs) => {
  let r = rand() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of pairs) if ((r -= w) < 0) return value;
  return pairs[pairs.length - 1][0];
};

const MINUTE = 60_000;
const START = Date.UTC(2024, 1, 5); // Monday 2024-02-05
const DAYS = 42;
const END = START + DAYS * 1440 * MINUTE; // the moment of export

const AGENTS = [
  { id: 900, name: 'Alice Moreau', group: 'Support', groupId: 71, speed: 1 },
  { id: 901, name: 'Bilal Haddad', group: 'Support', groupId: 71, speed: 1.1 },
  { id: 902, name: 'Chen Wei', group: 'Support', groupId: 71, speed: 0.9 },
  // Much slower than the team: the anomaly the report should flag.
  { id: 903, name: 'Dmitri Orlov', group: 'Support', groupId: 71, speed: 7 },
  { id: 904, name: 'Esther Kim', group: 'Billing', groupId: 72, speed: 1.2 },
  { id: 905, name: 'Farid Nasser', group: 'Billing', groupId: 72, speed: 1 },
];
const CHANNELS = [
  // [CSV "Via" label, API via.channel, weight]
  ['Mail', 'email', 55],
  ['Web Form', 'web', 25],
  ['Chat', 'chat', 14],
  ['Phone Call (Incoming)', 'voice', 6],
];
const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong VAT number',
  'How do I export my data?',
  'Refund for duplicate charge, order 1182',
  'App crashes on "Save", again',
  'Question about the "Team" plan, and seats',
  'Sync stopped working\nsince the last update',
  'Feature request: dark mode',
  '=HYPERLINK("http://example.invalid","click")',
  '-2+3 discount code not applied',
  '@mention notifications missing',
];
const CATEGORIES = ['Login', 'Billing', 'Bug', 'How-to', '-'];
// Weekday × hour shape of arrivals: busier mornings, quiet nights and weekends.
const hourWeight = (h) => (h < 7 ? 0.15 : h < 9 ? 0.8 : h < 12 ? 1.6 : h < 14 ? 1.1 : h < 18 ? 1.3 : h < 22 ? 0.6 : 0.25);
const dayWeight = (d) => (d >= 5 ? 0.35 : d === 0 ? 1.3 : 1);

function makeTickets() {
  const tickets = [];
  let id = 10_001;
  for (let day = 0; day < DAYS; day++) {
    const weekday = day % 7; // START is a Monday
    const growth = 1 + day / DAYS / 2; // volume rises over the period
    for (let hour = 0; hour < 24; hour++) {
      const expected = 0.55 * hourWeight(hour) * dayWeight(weekday) * growth;
      let arrivals = 0;
      for (let p = Math.exp(-expected), s = p, u = rand(); u > s; ) { arrivals++; p *= expected / arrivals; s += p; }
      for (let k = 0; k < arrivals; k++) tickets.push(makeTicket(id++, START + ((day * 24 + hour) * 60 + Math.floor(rand() * 60)) * MINUTE + Math.floor(rand() * 60) * 1000));
    }
  }
  return tickets;
}

function makeTicket(id, createdAt) {
  const agent = pick(AGENTS);
  const [via, apiChannel] = weighted(CHANNELS.map((c) => [c, c[2]]));
  const priority = weighted([['Low', 20], ['Normal', 60], ['High', 15], ['Urgent', 5]]);
  const age = (END - createdAt) / MINUTE;
  const urgency = priority === 'Urgent' ? 0.3 : priority === 'High' ? 0.6 : 1;
  const frt = Math.max(1, Math.round(logNormal(45 * agent.speed * urgency, 1)));
  const answered = frt < age && rand() > 0.03;
  const replies = answered ? weighted([[1, 55], [2, 25], [3, 12], [4, 8]]) : 0;
  const resolution = frt + Math.round(logNormal(600, 1.2)) * replies;
  const solved = answered && resolution < age && rand() > 0.05;
  const reopens = solved && rand() < 0.08 ? 1 : 0;
  const status = solved ? (age - resolution > 4 * 1440 ? 'Closed' : 'Solved') : answered ? pick(['Open', 'Pending', 'Hold']) : 'New';
  const rating = solved ? weighted([['Good', 34], ['Bad', 7], ['Offered', 30], ['Unoffered', 29]]) : answered ? pick(['Offered', 'Unoffered']) : 'Unoffered';
  const businessFrt = Math.round(frt * 0.6);
  const requesterId = 5_000_000 + Math.floor(rand() * 300);
  const firstResolution = solved ? (reopens ? Math.round(resolution * 0.6) : resolution) : undefined;
  const updatedAt = solved ? createdAt + resolution * MINUTE : Math.min(END - MINUTE, createdAt + Math.min(age - 1, frt) * MINUTE);
  return {
    id,
    createdAt,
    updatedAt,
    solvedAt: solved ? createdAt + resolution * MINUTE : undefined,
    agent: answered || rand() < 0.5 ? agent : undefined,
    via,
    apiChannel,
    priority,
    status,
    subject: pick(SUBJECTS),
    tags: [pick(['billing', 'login', 'bug', 'howto']), ...(rand() < 0.1 ? ['incident'] : []), ...(rand() < 0.2 ? ['vip'] : [])],
    requesterId,
    requesterName: `Customer ${requesterId % 1000}`,
    requesterEmail: `customer${requesterId % 1000}@example.com`,
    organization: pick(['Acme Ltd', 'Globex', 'Initech', 'Umbrella', 'Hooli']),
    replies,
    reopens,
    frt: answered ? frt : undefined,
    frtBusiness: answered ? businessFrt : undefined,
    firstResolution,
    firstResolutionBusiness: firstResolution === undefined ? undefined : Math.round(firstResolution * 0.45),
    fullResolution: solved ? resolution : undefined,
    fullResolutionBusiness: solved ? Math.round(resolution * 0.45) : undefined,
    rating,
    category: pick(CATEGORIES),
  };
}

const ZENDESK_HEADER = [...ZENDESK_CSV_COLUMNS, 'Ticket Category [list]', 'JIRA ID [txt]'];

function zendeskCsvRow(t) {
  const blank = (v) => (v === undefined ? '' : v);
  return [1, t.id, t.requesterName, t.requesterId, t.requesterEmail, blank(t.agent?.name), blank(t.agent?.group), t.subject, t.tags.join(' '), t.status, t.priority, t.via, pick(['Question', 'Incident', 'Problem', '-']), csvTime(t.createdAt), csvTime(t.updatedAt), t.organization, t.solvedAt ? csvTime(t.solvedAt) : '', t.fullResolution === undefined ? '' : Math.round(t.fullResolution / 60), t.rating === 'Unoffered' ? 'Not Offered' : t.rating, t.reopens, t.replies, blank(t.frt), blank(t.frtBusiness), blank(t.firstResolution), blank(t.fullResolution), blank(t.fullResolutionBusiness), t.category, ''];
}

function write(path, content) {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
}
const csv = (rows, options = {}) => stringify(rows, { record_delimiter: '\r\n', ...options });

const tickets = makeTickets();
const zendeskRows = [ZENDESK_HEADER, ...tickets.map(zendeskCsvRow)];
const zendeskCsv = csv(zendeskRows);
write('sample/zendesk-export.csv', zendeskCsv);
const jsonTickets = tickets.map(zendeskJsonTicket);
// Requesters as each shape carries them: an API page side-loads `users` (include=users), the
// full export (NDJSON) embeds a `requester` object in every ticket.
const requesterOf = (t) => ({ id: t.requesterId, name: t.requesterName, email: t.requesterEmail });
const users = [...new Map(tickets.map((t) => [t.requesterId, requesterOf(t)])).values()];
write('sample/zendesk-export.json', JSON.stringify({ tickets: jsonTickets, users, count: jsonTickets.length, end_of_stream: true }, null, 2) + '\n');
write('sample/zendesk-export.ndjson', jsonTickets.map((t, i) => JSON.stringify({ ...t, requester: requesterOf(tickets[i]) })).join('\n') + '\n');

// Quirks real exports have, each on a small slice of the same tickets.
const slice = zendeskRows.slice(0, 21);
write('quirks/bom.csv', '\uFEFF' + csv(slice));
write('quirks/lf-only.csv', csv(slice, { record_delimiter: '\n' }));
write('quirks/semicolon.csv', csv(slice, { delimiter: ';' }));
write('quirks/utf16le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv(slice), 'utf16le')]));
write('quirks/zendesk-export.csv.gz', gzipSync(zendeskCsv));
write('quirks/zendesk-export.json.gz', gzipSync(JSON.stringify({ tickets: jsonTickets.slice(0, 20) })));
write('quirks/offsets.csv', csv([
  ['Id', 'Created at', 'Solved at', 'Status', 'First reply time in minutes'],
  ['1', '2024-03-05 14:03:11 +0100', '2024-03-05 15:03:11 +0100', 'Solved', '30'],
  ['2', '2024-03-05T13:03:11Z', '2024-03-05T14:33:11Z', 'Solved', '60'],
  ['3', '2024-03-05T14:03:11.500+01:00', '', 'Open', ''],
  ['4', '05-03-2024 13:03', '', 'New', ''],
  ['5', '2024-03-05 13:03', '1900-01-01 00:00:00', 'Open', ''],
]));
write('quirks/excel-resave.csv', csv([
  ['Id', 'Created at', 'Solved at', 'Status', 'Satisfaction Score', 'Category [list]'],
  ['1', '2023-04-08 20:52:00', '1900-01-01 00:00:00', 'Open', '', '-'],
  ['2', '2023-04-08 21:00:00', '2023-04-09 09:00:00', 'Solved', '4', 'Claims'],
]));

// Other helpdesks: the same first 20 tickets in each vendor's own shape.
const few = tickets.slice(0, 20);
const hms = (m) => (m === undefined ? '' : `${pad(Math.floor(m / 60))}:${pad(Math.round(m % 60))}:00`);
write('freshdesk/tickets.csv', csv([
  ['Ticket ID', 'Subject', 'Status', 'Priority', 'Source', 'Type', 'Agent', 'Group', 'Created time', 'Due by Time', 'Resolved time', 'Closed time', 'Last update time', 'Initial response time', 'First response time (in hrs)', 'Resolution time (in hrs)', 'Agent interactions', 'Customer interactions', 'Tags', 'Survey results', 'Full name', 'Email', 'Contact ID', 'Company Name'],
  ...few.map((t) => [t.id, t.subject, { Solved: 'Resolved', Closed: 'Closed', New: 'Open', Hold: 'Waiting on Third Party' }[t.status] ?? t.status, t.priority === 'Normal' ? 'Medium' : t.priority, { Mail: 'Email', 'Web Form': 'Portal', Chat: 'Chat', 'Phone Call (Incoming)': 'Phone' }[t.via], 'Question', t.agent?.name ?? '', t.agent?.group ?? '', csvTime(t.createdAt), '', t.solvedAt ? csvTime(t.solvedAt) : '', '', csvTime(t.updatedAt), t.frt === undefined ? '' : csvTime(t.createdAt + t.frt * MINUTE), hms(t.frtBusiness), hms(t.fullResolutionBusiness), t.replies, t.replies + 1, t.tags.join(','), '', t.requesterName, t.requesterEmail, t.requesterId, t.organization]),
]));
write('helpscout/conversations.csv', csv([
  ['Conversation Number', 'Mailbox', 'Subject', 'Status', 'Assigned To', 'Customer Name', 'Customer Email', 'Customer ID', 'Tags', 'Created At', 'First Response At', 'Closed At', 'Replies', 'Rating'],
  ...few.map((t) => [t.id, t.agent?.group ?? 'Support', t.subject, t.solvedAt ? 'closed' : t.status === 'Pending' ? 'pending' : 'active', t.agent?.name ?? '', t.requesterName, t.requesterEmail, t.requesterId, t.tags.join(', '), isoTime(t.createdAt), t.frt === undefined ? '' : isoTime(t.createdAt + t.frt * MINUTE), t.solvedAt ? isoTime(t.solvedAt) : '', t.replies, '']),
]));
const berlin = (ms) => csvTime(ms + 60 * MINUTE); // February: Europe/Berlin is UTC+1
// Agent time on a closed conversation: 4 minutes a reply plus a part that varies by ticket. Derived
// from fields already drawn, so adding it left every other fixture byte for byte the same.
const handlingSeconds = (t) => (t.solvedAt ? 240 * Math.max(1, t.replies) + (Number(t.id) % 7) * 45 : '');
write('intercom/conversations.csv', csv([
  ['Conversation ID', 'Conversation started at (Europe/Berlin)', 'Conversation first replied at (Europe/Berlin)', 'Conversation last closed at (Europe/Berlin)', 'Conversation updated at (Europe/Berlin)', 'Teammate currently assigned', 'Team currently assigned', 'Channel', 'Conversation tag', 'Current conversation state', 'Last teammate rating', 'First response time (seconds)', 'Time to close (seconds)', 'Handling time (seconds)', 'User email', 'User ID', 'Company name'],
  ...few.map((t) => [`2150${t.id}`, berlin(t.createdAt), t.frt === undefined ? '' : berlin(t.createdAt + t.frt * MINUTE), t.solvedAt ? berlin(t.solvedAt) : '', berlin(t.updatedAt), t.agent?.name ?? '', t.agent?.group ?? '', t.via === 'Chat' ? 'Chat' : 'Email', t.tags.join(', '), t.solvedAt ? 'closed' : 'open', t.rating === 'Good' ? 5 : t.rating === 'Bad' ? 2 : '', t.frt === undefined ? '' : t.frt * 60, t.fullResolution === undefined ? '' : t.fullResolution * 60, handlingSeconds(t), t.requesterEmail, t.requesterId, t.organization]),
]));
write('generic/opened.csv', csv([
  ['Ticket', 'Opened', 'First response', 'Closed', 'Owner', 'Queue'],
  ...few.map((t) => [`T-${t.id}`, isoTime(t.createdAt), t.frt === undefined ? '' : isoTime(t.createdAt + t.frt * MINUTE), t.solvedAt ? isoTime(t.solvedAt) : '', t.agent?.name ?? '', t.agent?.group ?? '']),
]));

// Bad inputs: each must give one clear line and exit 2, or a counted skip.
write('bad/not-an-export.csv', 'name,score\nalpha,1\nbeta,2\n');
write('bad/empty.csv', '');
write('bad/header-only.csv', ZENDESK_HEADER.join(',') + '\r\n');
write('bad/malformed-rows.csv', csv([
  ['Id', 'Created at', 'Status', 'Replies', 'First reply time in minutes'],
  ['1', '2024-03-01 10:00:00', 'Solved', '1', '30'],
  ['2', 'yesterday', 'Solved', '1', '30'],
  ['3', '2024-03-01 11:00:00', 'Solved', 'many', '30'],
  ['4', '2024-03-01 12:00:00', 'Solved', '1', '-15'],
  ['5', '2024-03-01 13:00:00', 'Solved', '2'],
  ['', '2024-03-01 14:00:00', 'Open', '0', ''],
  ['7', '2024-03-01 15:00:00', 'Open', '0', ''],
]));
write('bad/cut-mid-quote.csv', 'Id,Created at,Subject\r\n1,2024-03-01 10:00:00,"fine"\r\n2,2024-03-01 11:00:00,"this quote never clo');
write('bad/binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]));
write('bad/utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Id,Created at\n'.split('').flatMap((c) => [0, c.charCodeAt(0)]))]));
write('bad/object.json', JSON.stringify({ user: { id: 1, name: 'not tickets' } }) + '\n');
write('bad/broken.ndjson', [JSON.stringify(jsonTickets[0]), '{"id": 2, "created_at": "2024-02-05T10:00:00Z"', JSON.stringify(jsonTickets[2])].join('\n') + '\n');
write('bad/not-json.json', '{"tickets": [ {"id": 1, ');
