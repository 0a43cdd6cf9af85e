import { z } from 'zod';
import { DURATION_TEXT, parseDurationMinutes } from '../model/duration.js';
import { isDayKey, isValidTimeZone, WEEKDAY_KEYS } from '../model/time.js';
import { TicketSchema } from '../model/ticket.js';

/**
 * The one csops config file (`csops.config.json`). Every section is optional: a missing value
 * falls back to the defaults in defaults.ts, and flags and environment variables beat it
 * (precedence lives in resolve.ts). Descriptions here become the committed JSON Schema that
 * editors use, so they are written for the person editing the file.
 */

/** `90m`, `4h`, `1.5d` or a bare number of minutes; parsed to minutes. */
export const durationMinutes = z
  .union([
    z.number().positive(),
    z.string().regex(DURATION_TEXT, 'is not a duration (use e.g. 45m, 4h, 2d)'),
  ])
  .transform((value) => (typeof value === 'number' ? value : parseDurationMinutes(value)))
  .meta({ description: 'A duration: "45m", "4h", "2d", "1w", or a number of minutes.' });

const share = (description: string) => z.number().min(0).max(1).meta({ description });

const timeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)' })
  .meta({ description: 'IANA time zone for days, weekdays and hours, e.g. "Europe/Berlin".' });

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:MM')
  .meta({ description: 'Time of day, 24-hour "HH:MM".' });

/** The comparisons a check rule can make. */
export const RULE_OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;

export const targetsSchema = z
  .strictObject({
    firstReply: durationMinutes.optional().meta({ description: 'First-reply target; also the service-level threshold. Default 1h.' }),
    serviceLevel: share('Share of first replies that should meet the first-reply target. Default 0.8.').optional(),
    resolution: durationMinutes.optional().meta({ description: 'Full-resolution median target. Default 1d.' }),
    csat: share('CSAT target as a share of satisfied answers. Default 0.8 (80%).').optional(),
    nps: z.number().min(-100).max(100).optional().meta({ description: 'NPS target, -100..100. Default 50.' }),
    fcr: share('First-contact-resolution target. Default 0.7.').optional(),
    reopenRate: share('Highest acceptable reopen rate. Default 0.1.').optional(),
    customerChurn: share('Highest acceptable monthly customer churn. Default 0.05 (5%).').optional(),
    mrrChurn: share('Monthly MRR churn must stay below this. Default 0.01 (1%).').optional(),
    netMrrChurn: z
      .number()
      .min(-1)
      .max(1)
      .optional()
      .meta({ description: 'Net MRR churn must stay below this. Default 0: expansion should outweigh losses.' }),
    revenueConcentration: share('Share of revenue from the top 20% of customers that signals concentration. Default 0.8.').optional(),
  })
  .meta({ description: 'Targets the report compares against and lists under "what to look at".' });

export const businessHoursSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAY_KEYS)).min(1).optional().meta({ description: 'Working days. Default mon–fri.' }),
    start: clock.optional().meta({ description: 'Opening time. Default "09:00".' }),
    end: clock.optional().meta({ description: 'Closing time. Default "17:00".' }),
    holidays: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').refine(isDayKey, 'is not a calendar date'))
      .optional()
      .meta({ description: 'Dates (YYYY-MM-DD) with no business hours.' }),
  })
  .refine((hours) => hours.start === undefined || hours.end === undefined || hours.start < hours.end, {
    message: 'start must be before end',
    path: ['end'],
  })
  .meta({ description: 'The support team’s opening hours, for business-hours durations.' });

const ruleObject = z.strictObject({
  metric: z.string().min(1).meta({ description: 'Metric path (firstReplyMinutes.p90) or alias (firstReply.p90).' }),
  op: z.enum(RULE_OPERATORS),
  value: z.union([z.number(), z.string()]).meta({ description: 'A number, a percentage ("80%") or a duration ("4h").' }),
});

export const ruleSchema = z
  .union([z.string().min(1), ruleObject])
  .meta({ description: 'A check rule: "firstReply.p90 <= 4h", or {metric, op, value}.' });

export const checkSchema = z
  .strictObject({
    rules: z.array(ruleSchema).optional().meta({ description: 'Rules `csops check` evaluates when no --rule is given.' }),
    minSample: z.int().min(1).optional().meta({ description: 'Fewest data points a metric needs to be judged. Default 20.' }),
    allowInsufficient: z.boolean().optional().meta({ description: 'Let metrics with too little data pass. Default false.' }),
    by: z.enum(['agent', 'group', 'channel', 'priority']).optional().meta({ description: 'Make every agent/group/… pass on its own.' }),
  })
  .meta({ description: 'Settings for `csops check`.' });

export const surveysSchema = z
  .strictObject({
    cesScale: z.enum(['0-3', '0-5', '0-10', '1-7']).optional().meta({ description: 'CES scale when the file does not say. Default 1-7.' }),
    csatScale: z.enum(['1-5', '0-10']).optional().meta({ description: 'CSAT scale when the file does not say. Default 1-5.' }),
    csatSatisfiedFrom: z
      .strictObject({
        '1-5': z.number().min(1).max(5).optional(),
        '0-10': z.number().min(0).max(10).optional(),
      })
      .optional()
      .meta({ description: 'Lowest score that counts as satisfied, per scale, in survey answers and ticket ratings alike. Default 4 (of 5) and 9 (of 10).' }),
  })
  .meta({ description: 'How survey scores (--surveys) are read.' });

export const staffingSchema = z
  .strictObject({
    handleTime: durationMinutes.optional().meta({ description: 'Average agent handling time per ticket.' }),
    occupancy: share('Highest sustainable share of agent time spent on tickets.').optional(),
    shrinkage: share('Share of paid time lost to meetings, training, leave.').optional(),
    hoursPerDay: z.number().positive().max(24).optional().meta({ description: 'Paid hours per agent per day.' }),
    ticketsPerAgentPerDay: z.number().positive().optional().meta({ description: 'Throughput assumption for the workload method.' }),
    hiringLeadTime: durationMinutes.optional().meta({ description: 'Time from opening a role to a productive agent, e.g. "8w".' }),
    span: z.number().int().min(1).optional().meta({ description: 'Agents per team lead.' }),
  })
  .meta({ description: 'Staffing assumptions for `csops forecast`.' });

/** Canonical ticket fields a column can map to; channelRaw is derived from channel, never mapped. */
const ticketField = TicketSchema.keyof().exclude(['channelRaw']);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Path or URL of csops.config.schema.json, for editors.' }),
    timeZone: timeZone.optional(),
    businessHours: businessHoursSchema.optional(),
    columns: z
      .partialRecord(ticketField, z.string().min(1))
      .optional()
      .meta({ description: 'Column map for exports csops does not recognise: canonical field → column header.' }),
    targets: targetsSchema.optional(),
    check: checkSchema.optional(),
    surveys: surveysSchema.optional(),
    staffing: staffingSchema.optional(),
  })
  .meta({ title: 'csops config', description: 'Configuration for the csops command-line tool (csops.config.json).' });

/** The config after validation: durations in minutes. */
export type Config = z.output<typeof configSchema>;
export type Targets = z.output<typeof targetsSchema>;
export type RuleSpec = z.output<typeof ruleSchema>;
