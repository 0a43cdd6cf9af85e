import { PRIORITIES, type Priority } from '../model/ticket.js';

/**
 * Ticket classes the simulator reports on and triage ranks, most pressing first. A ticket
 * tagged as part of a widespread problem (an incident, an outage) is its own class, ranked
 * right after urgent: the seeds put "many customers hit by the same thing" at the top.
 */
export const CLASSES = ['urgent', 'widespread', 'high', 'normal', 'low'] as const;
export type TicketClass = (typeof CLASSES)[number];

export const CLASS = { urgent: 0, widespread: 1, high: 2, normal: 3, low: 4 } as const;

/** Tags that mark a ticket as part of a widespread problem unless the user names others. */
export const DEFAULT_WIDESPREAD_TAGS: readonly string[] = ['incident', 'widespread', 'outage'];

const BY_PRIORITY: Record<Priority, number> = {
  urgent: CLASS.urgent,
  high: CLASS.high,
  normal: CLASS.normal,
  low: CLASS.low,
};

/**
 * The class of a ticket from its priority code (index into PRIORITIES, -1 unknown) and tags.
 * A tag matches when it contains one of the widespread words (`incident-2024-03` counts).
 * Unknown priority is treated as normal, the helpdesks' own default.
 */
export function classOf(priorityCode: number, tags: readonly string[] | undefined, widespreadTags: readonly string[]): number {
  const priority = priorityCode >= 0 ? PRIORITIES[priorityCode] : undefined;
  if (priority === 'urgent') return CLASS.urgent;
  if (tags && widespreadTags.length > 0) {
    for (const tag of tags) {
      const lower = tag.toLowerCase();
      if (widespreadTags.some((word) => lower.includes(word))) return CLASS.widespread;
    }
  }
  return priority ? BY_PRIORITY[priority] : CLASS.normal;
}
