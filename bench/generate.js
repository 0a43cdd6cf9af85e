#!/usr/bin/env node
// Writes a synthetic Zendesk ticket export of any size, as CSV (the UI export) and NDJSON (the
// full JSON export), for the benchmark and for memory checks:
//
//   npm run bench:gen -- --tickets 1000000 [--seed 7] [--format csv|ndjson|both] [--out bench/out]
//
// The same seed and size always give the same bytes. Values follow the shapes of a real desk:
// ~500 tickets a day with busy mornings and quiet weekends, log-normal reply and resolution
// times, most tickets solved, a minority rated. The CSV carries the quirks real exports have:
// multi-line and quoted subjects, commas and quotes inside fields, empty cells for missing values.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mulberry32 } from './seeded-random.js';
import { csvTime, randomDraws, ZENDESK_CSV_COLUMNS, zendeskJsonTicket } from './zendesk-synthetic.js';

const { values: args } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '7' },
    format: { type: 'string', default: 'both' },
    out: { type: 'string', default: join(dirname(fileURLToPath(import.meta.url)), 'out') },
  },
});
const TICKETS = Number(args.tickets);
if (!Number.isInteger(TICKETS) || TICKETS < 1) throw new Error(`--tickets must be a whole number ≥ 1, got "${args.tickets}"`);
if (!['csv', 'ndjson', 'both'].includes(args.format)) throw new Error(`--format must be csv, ndjson or both`);

const rand = mulberry32(Number(args.seed));
const { pick, logNormal } = randomDraws(rand);
/** Cumulative weights once, so a draw is a short scan. */
function chooser(pairs) {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let running = 0;
  const bounds = pairs.map(([value, w]) => [value, (running += w) / total]);
  return () => {
    const r = rand();
    for (const [value, bound] of bounds) if (r < bound) return value;
    return bounds[bounds.length - 1][0];
  };
}

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const PER_DAY = 500;
const DAYS = Math.max(7, Math.ceil(TICKETS / PER_DAY));
const START = Date.UTC(2020, 0, 6); // a Monday
const EXPORTED_AT = START + (DAYS + 1) * DAY;

const AGENT_COUNT = 40;
const AGENTS = Array.from({ length: AGENT_COUNT }, (_, i) => ({
  id: 360_000 + i,
  name: `Agent ${String(i + 1).padStart(2, '0')}`,
  group: ['Support', 'Billing', 'Technical', 'VIP Care'][i % 4],
  groupId: 71 + (i % 4),
  // A few agents are much slower than the rest, as in any real team.
  speed: i % 13 === 5 ? 4 : 0.7 + ((i * 37) % 10) / 15,
}));
const ORGANIZATIONS = ['Acme Ltd', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark, Wayne & Partners', 'Soylent', ''];
const SUBJECTS = [
  'Cannot log in after password reset',
  'Invoice shows the wrong VAT number',
  'How do I export my data?',
  'Refund for duplicate charge, order 1182',
  'App crashes on "Save", again',
  'Sync stopped working\nsince the last update',
  'Feature request: dark mode',
  'Question about seats, plans and billing',
  'Two-factor codes arrive late\r\nevery morning',
  'Webhook returns 500',
];
const CATEGORIES = ['Login', 'Billing', 'Bug', 'How-to', '-'];
const PRODUCTS = ['Web app', 'iOS app', 'Android app', 'Public API', 'Integrations'];
const PLANS = ['Free', 'Team', 'Business', 'Enterprise'];
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  '',
];
const TAGS = ['billing', 'login', 'bug', 'howto', 'refund', 'mobile', 'api', 'sso'];
const viaOf = chooser([
  [['Mail', 'email'], 52],
  [['Web Form', 'web'], 24],
  [['Chat', 'chat'], 15],
  [['Phone Call (Incoming)', 'voice'], 6],
  [['Web Service (API)', 'api'], 3],
]);
const priorityOf = chooser([['Low', 18], ['Normal', 58], ['High', 16], ['Urgent', 5], ['', 3]]);
const repliesOf = chooser([[1, 52], [2, 26], [3, 12], [4, 6], [6, 4]]);
const ratingOf = chooser([['Good', 30], ['Bad', 6], ['Offered', 28], ['Unoffered', 36]]);
const hourOf = chooser([...Array(24).keys()].map((h) => [h, h < 7 ? 0.2 : h < 9 ? 0.9 : h < 12 ? 1.7 : h < 14 ? 1.1 : h < 18 ? 1.3 : h < 22 ? 0.6 : 0.3]));

function makeTicket(index) {
  const id = 100_001 + index;
  const day = Math.floor(index / PER_DAY);
  const weekday = day % 7;
  // Weekend tickets are moved to the Monday after, half of the time: fewer arrive on weekends.
  const shiftedDay = weekday >= 5 && rand() < 0.5 ? day + 7 - weekday : day;
  const createdAt = START + shiftedDay * DAY + hourOf() * 60 * MINUTE + Math.floor(rand() * 3600) * 1000;
  const age = (EXPORTED_AT - createdAt) / MINUTE;
  const agent = pick(AGENTS);
  const [via, apiChannel] = viaOf();
  const priority = priorityOf();
  const urgency = priority === 'Urgent' ? 0.25 : priority === 'High' ? 0.5 : 1;
  const frt = Math.max(1, Math.round(logNormal(50 * agent.speed * urgency, 1.1)));
  const answered = frt < age && rand() > 0.04;
  const replies = answered ? repliesOf() : 0;
  const fullResolution = frt + Math.round(logNormal(500, 1.3)) * replies;
  const solved = answered && fullResolution < age && rand() > 0.06;
  const reopens = solved && rand() < 0.09 ? 1 + (rand() < 0.2 ? 1 : 0) : 0;
  const status = solved ? (age - fullResolution > 4 * 1440 ? 'Closed' : 'Solved') : answered ? pick(['Open', 'Pending', 'Hold']) : 'New';
  const requesterId = 5_000_000 + Math.floor(rand() * 200_000);
  const tags = [pick(TAGS)];
  if (rand() < 0.15) tags.push(pick(TAGS));
  if (rand() < 0.05) tags.push('vip,priority'); // a comma inside the Tags cell forces quoting
  return {
    id,
    createdAt,
    updatedAt: solved ? createdAt + fullResolution * MINUTE : createdAt + Math.min(age - 1, frt) * MINUTE,
    solvedAt: solved ? createdAt + fullResolution * MINUTE : undefined,
    agent: answered || rand() < 0.5 ? agent : undefined,
    via,
    apiChannel,
    priority,
    status,
    subject: pick(SUBJECTS),
    tags,
    requesterId,
    organization: pick(ORGANIZATIONS),
    replies,
    reopens,
    frt: answered ? frt : undefined,
    frtBusiness: answered ? Math.round(frt * 0.55) : undefined,
    firstResolution: solved ? (reopens ? Math.round(fullResolution * 0.6) : fullResolution) : undefined,
    fullResolution: solved ? fullResolution : undefined,
    fullResolutionBusiness: solved ? Math.round(fullResolution * 0.4) : undefined,
    rating: solved ? ratingOf() : answered ? pick(['Offered', 'Unoffered']) : 'Unoffered',
    // Custom fields pad rows to the width of real exports (~400 bytes a ticket).
    custom: [pick(CATEGORIES), pick(PRODUCTS), pick(PLANS), rand() < 0.3 ? `ORD-${Math.floor(rand() * 1e8)}` : '', pick(BROWSERS)],
  };
}

const NEEDS_QUOTES = /[",\r\n]/;
const cell = (value) => {
  if (value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const CSV_HEADER = [...ZENDESK_CSV_COLUMNS, 'Ticket Category [list]', 'Product [list]', 'Plan [list]', 'Order number [txt]', 'Browser [txt]'];

function csvRow(t) {
  return [
    1,
    t.id,
    `Customer ${t.requesterId}`,
    t.requesterId,
    `customer${t.requesterId}@example.com`,
    t.agent?.name,
    t.agent?.group,
    t.subject,
    t.tags.join(' '),
    t.status,
    t.priority,
    t.via,
    t.id % 3 === 0 ? 'Question' : 'Incident',
    csvTime(t.createdAt),
    csvTime(t.updatedAt),
    t.organization,
    t.solvedAt === undefined ? undefined : csvTime(t.solvedAt),
    t.fullResolution === undefined ? undefined : Math.round(t.fullResolution / 60),
    t.rating === 'Unoffered' ? 'Not Offered' : t.rating,
    t.reopens,
    t.replies,
    t.frt,
    t.frtBusiness,
    t.firstResolution,
    t.fullResolution,
    t.fullResolutionBusiness,
    ...t.custom,
  ]
    .map(cell)
    .join(',');
}

/** Buffers text and writes it in large blocks: a million small writes would dominate the run. */
class BlockWriter {
  constructor(path) {
    this.fd = openSync(path, 'w');
    this.parts = [];
    this.length = 0;
    this.bytes = 0;
  }
  write(text) {
    this.parts.push(text);
    this.length += text.length;
    if (this.length > 4_000_000) this.flush();
  }
  flush() {
    const block = Buffer.from(this.parts.join(''));
    writeSync(this.fd, block);
    this.bytes += block.length;
    this.parts = [];
    this.length = 0;
  }
  close() {
    this.flush();
    closeSync(this.fd);
    return this.bytes;
  }
}

mkdirSync(args.out, { recursive: true });
const base = join(args.out, `zendesk-${TICKETS}`);
const csv = args.format !== 'ndjson' ? new BlockWriter(`${base}.csv`) : undefined;
const ndjson = args.format !== 'csv' ? new BlockWriter(`${base}.ndjson`) : undefined;
csv?.write(`${CSV_HEADER.join(',')}\r\n`);
for (let i = 0; i < TICKETS; i++) {
  const ticket = makeTicket(i);
  csv?.write(`${csvRow(ticket)}\r\n`);
  ndjson?.write(`${JSON.stringify(zendeskJsonTicket(ticket))}\n`);
}
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
if (csv) process.stderr.write(`wrote ${base}.csv (${TICKETS} tickets, ${mb(csv.close())})\n`);
if (ndjson) process.stderr.write(`wrote ${base}.ndjson (${TICKETS} tickets, ${mb(ndjson.close())})\n`);
