import { formatSeconds } from '../model/duration.js';
import { SpecError } from '../model/spec-error.js';
import { positiveDuration } from './distributions.js';
import { fifo, newestFirst, slaFirst, split, triage, triageNewest, withAgeCap, type Policy } from './policies.js';

/** The comparison run when the user names no policy. */
export const DEFAULT_POLICIES = ['fifo', 'newest-first', 'triage', 'triage-newest', 'triage-newest+age-cap=24h'] as const;

const AGE_CAP = /^age-cap=(.+)$/;

function basePolicy(name: string): Policy {
  switch (name) {
    case 'fifo':
    case 'oldest-first':
      return fifo;
    case 'lifo':
    case 'newest-first':
      return newestFirst;
    case 'triage':
      return triage;
    case 'triage-newest':
      return triageNewest;
    case 'sla-first':
      return slaFirst();
  }
  const splitMatch = /^split=(\d+)$/.exec(name);
  if (splitMatch) {
    const k = Number(splitMatch[1]);
    if (k < 1) throw new SpecError(`split=${splitMatch[1]} needs at least one newest-first agent`);
    return split(k);
  }
  throw new SpecError(
    `unknown policy "${name}" (use fifo, newest-first, triage, triage-newest, sla-first, split=<k>, with +age-cap=<duration> on newest-first ones)`,
  );
}

function ageCapped(base: Policy, capText: string): Policy {
  if (!base.newestFirst) throw new SpecError(`age-cap applies to newest-first policies, not to ${base.name}`);
  const seconds = positiveDuration(capText, 'age-cap');
  return withAgeCap(base, seconds, formatSeconds(seconds));
}

/**
 * One policy from its name: `fifo`, `lifo`/`newest-first`, `triage`, `triage-newest`,
 * `sla-first`, `split=<k>`, optionally followed by `+age-cap=<duration>` (newest-first ones),
 * or `age-cap=<duration>` alone for newest-first with a cap.
 */
export function parsePolicy(text: string): Policy {
  const [head, ...modifiers] = text.trim().toLowerCase().split('+');
  const bare = AGE_CAP.exec(head!);
  let policy = bare ? ageCapped(newestFirst, bare[1]!) : basePolicy(head!);
  for (const modifier of modifiers) {
    const cap = AGE_CAP.exec(modifier);
    if (!cap) throw new SpecError(`unknown policy modifier "+${modifier}" (only +age-cap=<duration> exists)`);
    policy = ageCapped(policy, cap[1]!);
  }
  return policy;
}

/**
 * The policies to compare. `ageCapText` (the --age-cap flag) caps every newest-first policy
 * that has no cap of its own; policies that end up identical are kept once.
 */
export function parsePolicies(names: readonly string[], ageCapText?: string): Policy[] {
  const out: Policy[] = [];
  for (const name of names) {
    let policy = parsePolicy(name);
    if (ageCapText !== undefined && policy.newestFirst && !policy.name.includes('age-cap')) policy = ageCapped(policy, ageCapText);
    if (!out.some((p) => p.name === policy.name)) out.push(policy);
  }
  return out;
}
