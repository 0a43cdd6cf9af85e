import { z } from 'zod';

/** Enumerations of the canonical ticket. Order matters: codes in TicketTable index these arrays. */
export const STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CHANNELS = ['email', 'web', 'chat', 'phone', 'social', 'api', 'other'] as const;
export const SATISFACTION_STATES = ['offered', 'unoffered', 'good', 'bad'] as const;
const SATISFACTION_SCALES = ['good-bad', '1-5', '0-10'] as const;

export type Status = (typeof STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Channel = (typeof CHANNELS)[number];
export type SatisfactionState = (typeof SATISFACTION_STATES)[number];
export type SatisfactionScale = (typeof SATISFACTION_SCALES)[number];

/** A numeric satisfaction answer, kept with the scale it was given on. */
export const NumericSatisfactionSchema = z.object({
  score: z.number(),
  scale: z.enum(['1-5', '0-10']),
});
export type NumericSatisfaction = z.infer<typeof NumericSatisfactionSchema>;

const instant = z.number().finite();
const minutes = z.number().finite();

/**
 * The canonical ticket every adapter yields (DESIGN.md "Canonical ticket").
 * A field the source lacks is undefined, never guessed.
 */
export const TicketSchema = z.object({
  id: z.string().min(1),
  createdAt: instant,
  firstReplyAt: instant.optional(),
  solvedAt: instant.optional(),
  updatedAt: instant.optional(),
  firstReplyMinutes: minutes.optional(),
  firstResolutionMinutes: minutes.optional(),
  fullResolutionMinutes: minutes.optional(),
  firstReplyMinutesBusiness: minutes.optional(),
  fullResolutionMinutesBusiness: minutes.optional(),
  /** Agent time spent on the ticket, where the helpdesk records it (Intercom, Zendesk time tracking). */
  handleMinutes: minutes.optional(),
  status: z.enum(STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  channelRaw: z.string().optional(),
  assignee: z.string().optional(),
  group: z.string().optional(),
  /** The requester's id: an account key (accounts join), never a name or address. */
  requester: z.string().optional(),
  /** The requester's email, else name. Personal data: printed only with --show-requesters. */
  requesterContact: z.string().optional(),
  organization: z.string().optional(),
  tags: z.array(z.string()).optional(),
  replies: z.number().int().nonnegative().optional(),
  reopens: z.number().int().nonnegative().optional(),
  satisfaction: z.union([z.enum(SATISFACTION_STATES), NumericSatisfactionSchema]).optional(),
});

export type Ticket = z.infer<typeof TicketSchema>;
