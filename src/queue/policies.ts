import { CLASS, CLASSES } from './classes.js';

/**
 * A way of lining up the waiting tickets: the queue keeps one heap per ordering and serves the
 * smallest (primary, secondary). Both keys are fixed when a ticket arrives, so a heap suffices.
 */
export interface Ordering {
  primary(arrival: number, cls: number): number;
  /** Breaks ties between equal primaries by ticket index; negated where the later-listed goes first. */
  secondary(index: number, cls: number): number;
}

/** What a policy may look at when an agent becomes free. */
export interface ChoiceView {
  /** Index of the free agent (0-based; agents 0..k-1 are the first on every shift). */
  readonly agent: number;
  /** Simulated time, seconds. */
  readonly now: number;
  /** Arrival of the longest-waiting ticket, seconds. */
  readonly oldestArrival: number;
}

/** `choose` returns an index into `orderings`, or OLDEST for the longest-waiting ticket. */
export const OLDEST = -1;

/**
 * A queue discipline: a small pure function of the view that says where the free agent takes
 * its next ticket from. Non-preemptive: it is only asked when an agent is free.
 */
export interface Policy {
  readonly name: string;
  /** True when the policy serves some tickets newest first (an age cap can apply to it). */
  readonly newestFirst: boolean;
  readonly orderings: readonly Ordering[];
  choose(view: ChoiceView): number;
}

/** Keeps class ranks apart in one number: epoch seconds stay far below 2^36. */
const RANK_SPAN = 2 ** 36;

const fromOldest: Ordering['secondary'] = (index) => index;
const fromNewest: Ordering['secondary'] = (index) => -index;

const newestOrdering: Ordering = { primary: (arrival) => -arrival, secondary: fromNewest };

const firstOrdering = (): number => 0;
const takeOldest = (): number => OLDEST;

export const fifo: Policy = { name: 'fifo', newestFirst: false, orderings: [], choose: takeOldest };

export const newestFirst: Policy = {
  name: 'newest-first',
  newestFirst: true,
  orderings: [newestOrdering],
  choose: firstOrdering,
};

/** Classes first (urgent, widespread, high, normal, low), oldest first within a class. */
export const triage: Policy = {
  name: 'triage',
  newestFirst: false,
  orderings: [{ primary: (arrival, cls) => cls * RANK_SPAN + arrival, secondary: fromOldest }],
  choose: firstOrdering,
};

/** Classes at or above this rank are served oldest first by triage-newest; the rest newest first. */
const PRESSING = CLASS.high;

/** The seeds' rule: urgent, widespread and high oldest first; then normal and low newest first. */
export const triageNewest: Policy = {
  name: 'triage-newest',
  newestFirst: true,
  orderings: [
    {
      primary: (arrival, cls) => cls * RANK_SPAN + (cls <= PRESSING ? arrival : -arrival),
      secondary: (index, cls) => (cls <= PRESSING ? index : -index),
    },
  ],
  choose: firstOrdering,
};

/** `k` agents (the first `k` on shift) take the newest ticket, the others the oldest. */
export function split(k: number): Policy {
  return {
    name: `split=${k}`,
    newestFirst: true,
    orderings: [newestOrdering],
    choose: (view) => (view.agent < k ? 0 : OLDEST),
  };
}

/**
 * First-reply targets per class for sla-first, seconds. Urgent, high, normal and low follow
 * GitLab Support's published business-hours targets (research/queue.md §4.1: 30 min, 4 h, 8 h,
 * 24 h); widespread is our own choice between urgent and high.
 */
const DEFAULT_REPLY_TARGETS: Readonly<Record<(typeof CLASSES)[number], number>> = {
  urgent: 30 * 60,
  widespread: 60 * 60,
  high: 4 * 3600,
  normal: 8 * 3600,
  low: 24 * 3600,
};

/** By time left to the first-reply target of the ticket's class: earliest deadline first. */
export function slaFirst(targets: Readonly<Record<(typeof CLASSES)[number], number>> = DEFAULT_REPLY_TARGETS): Policy {
  const byClass = CLASSES.map((name) => targets[name]);
  return {
    name: 'sla-first',
    newestFirst: false,
    orderings: [{ primary: (arrival, cls) => arrival + byClass[cls]!, secondary: fromOldest }],
    choose: firstOrdering,
  };
}

/**
 * Any newest-first policy with an age cap: a ticket that has waited longer than `capSeconds`
 * is served before everything else, the longest-waiting first.
 */
export function withAgeCap(base: Policy, capSeconds: number, capText: string): Policy {
  return {
    name: `${base.name}+age-cap=${capText}`,
    newestFirst: true,
    orderings: base.orderings,
    choose: (view) => (view.now - view.oldestArrival > capSeconds ? OLDEST : base.choose(view)),
  };
}
