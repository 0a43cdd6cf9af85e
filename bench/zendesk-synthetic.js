/**
 * What the two synthetic Zendesk generators share: the fixture writer (make-fixtures.js) and the
 * benchmark's large exports (generate.js). Each keeps its own makeTicket and its own order of
 * random draws, so the files each writes stay byte for byte the same for the same seed.
 */

/** Draws that consume `rand` (a seeded generator of numbers in [0, 1)). */
export function randomDraws(rand) {
  return {
    pick: (items) => items[Math.floor(rand() * items.length)],
    /** Box–Muller normal, exponentiated: support durations have a long right tail. Two draws. */
    logNormal: (median, sigma) => median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())),
  };
}

export const pad = (n) => String(n).padStart(2, '0');

/** Zendesk's CSV writes local wall-clock time without an offset (here UTC). */
export function csvTime(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO 8601 in UTC to the whole second, as the Zendesk API writes it: synthetic times have no milliseconds. */
export const isoTime = (ms) => `${csvTime(ms).replace(' ', 'T')}Z`;

/** The standard columns of Zendesk's CSV export, in its order; custom fields follow them. */
export const ZENDESK_CSV_COLUMNS = ['Summation column', 'Id', 'Requester', 'Requester id', 'Requester email', 'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Organization', 'Solved at', 'Resolution time', 'Satisfaction Score', 'Reopens', 'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours', 'First resolution time in minutes', 'Full resolution time in minutes', 'Full resolution time in minutes within business hours'];

const minutes = (calendar, business) => ({ calendar: calendar ?? null, business: business ?? null });

/**
 * A ticket as the Zendesk API returns it, from a synthetic ticket: times in epoch ms, durations in
 * minutes (undefined when not reached), `agent` ({ id, name, groupId, group }) when assigned,
 * `priority` and `organization` '' when empty, `rating` Good | Bad | Offered | Unoffered.
 */
export function zendeskJsonTicket(t) {
  return {
    url: `https://example.zendesk.com/api/v2/tickets/${t.id}.json`,
    id: t.id,
    via: { channel: t.apiChannel, source: { from: {}, to: {}, rel: null } },
    created_at: isoTime(t.createdAt),
    updated_at: isoTime(t.updatedAt),
    subject: t.subject,
    priority: t.priority === '' ? null : t.priority.toLowerCase(),
    status: t.status.toLowerCase(),
    requester_id: t.requesterId,
    assignee_id: t.agent?.id ?? null,
    assignee: t.agent ? { id: t.agent.id, name: t.agent.name } : null,
    group: t.agent ? { id: t.agent.groupId, name: t.agent.group } : null,
    organization: t.organization === '' ? null : { id: 300 + t.organization.length, name: t.organization },
    tags: t.tags,
    satisfaction_rating: { score: t.rating.toLowerCase() },
    metric_set: {
      ticket_id: t.id,
      replies: t.replies,
      reopens: t.reopens,
      solved_at: t.solvedAt === undefined ? null : isoTime(t.solvedAt),
      reply_time_in_minutes: minutes(t.frt, t.frtBusiness),
      first_resolution_time_in_minutes: minutes(t.firstResolution, t.firstResolutionBusiness),
      full_resolution_time_in_minutes: minutes(t.fullResolution, t.fullResolutionBusiness),
    },
  };
}
