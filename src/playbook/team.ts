import type { TeamRuleId } from './schema.js';

/**
 * Rules driven by the size of the support team (`--team N`), from the scaling plan
 * (shared/DOMAIN.md §2) and the scale stage (§1). They do not judge an item, they say whether
 * it is due and what it means in numbers; the user still ticks it.
 */

/** Write the customer-handling process down at five people, at the latest at ten. */
const PROCESS_DOCS_FROM = 5;
const PROCESS_DOCS_LATEST = 10;
/** Specialise roles once the team is close to six. */
const SPECIALISE_NEAR = 6;
/** Agents per lead: about 8 for specialised teams, 15–20 for less specialised ones. */
const SPAN_SPECIALISED = 8;
const SPAN_GENERAL = [15, 20] as const;

/** Team leads needed for `agents` at `span` agents per lead. */
export const leadsFor = (agents: number, span: number): number => Math.ceil(agents / span);

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;

export function teamNote(rule: TeamRuleId, team: number): string {
  switch (rule) {
    case 'process-docs':
      if (team < PROCESS_DOCS_FROM) return `team of ${people(team)}: due when it reaches ${PROCESS_DOCS_FROM}`;
      if (team <= PROCESS_DOCS_LATEST) return `team of ${people(team)}: due now (${PROCESS_DOCS_FROM}, ${PROCESS_DOCS_LATEST} at the latest)`;
      return `team of ${people(team)}: past the latest point (${PROCESS_DOCS_LATEST}); overdue unless already written`;
    case 'specialise':
      if (team < SPECIALISE_NEAR - 1) return `team of ${people(team)}: not yet, specialise when it nears ${SPECIALISE_NEAR}`;
      if (team <= SPECIALISE_NEAR + 1) return `team of ${people(team)}: about now (near ${SPECIALISE_NEAR})`;
      return `team of ${people(team)}: past ${SPECIALISE_NEAR}; roles should already be split by lifecycle`;
    case 'span': {
      const [low, high] = SPAN_GENERAL;
      const general = leadsFor(team, high) === leadsFor(team, low)
        ? `${leadsFor(team, low)}`
        : `${leadsFor(team, high)}–${leadsFor(team, low)}`;
      return `${team} agents: ${leadsFor(team, SPAN_SPECIALISED)} leads at ${SPAN_SPECIALISED}:1 (specialised), ${general} at ${low}–${high}:1 (general)`;
    }
  }
}
