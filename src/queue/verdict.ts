import { formatMinutes } from '../model/duration.js';
import { percentOneDecimal } from '../model/format.js';
import type { WaitStats } from './summary.js';

/** What a policy's overall figures look like to the verdict. */
export interface Contender {
  readonly policy: string;
  readonly overall: WaitStats;
  readonly oldestWaitingMinutes: number | null;
}

/** The longest wait of a run, counting tickets still waiting at the end: starvation must show. */
const longestWait = (c: Contender): number | null =>
  c.overall.max === null && c.oldestWaitingMinutes === null ? null : Math.max(c.overall.max ?? 0, c.oldestWaitingMinutes ?? 0);

export interface TargetVerdict {
  /** `sla:<minutes>` or `patience`. */
  readonly target: string;
  /** Policies with the highest share (several on a tie at 0.1 percentage points). */
  readonly winners: string[];
  readonly share: number;
  /** Best share among the other policies, when any differ. */
  readonly nextBest: { policy: string; share: number } | null;
  /** The first winner's tail, and the lowest tail any policy reached (max counts tickets still waiting). */
  readonly winnerTail: { p99: number | null; max: number | null };
  readonly lowestTail: { p99: { policy: string; value: number } | null; max: { policy: string; value: number } | null };
}

export interface Verdict {
  readonly targets: TargetVerdict[];
  /** One line for humans; never names a policy best in general. */
  readonly text: string;
}

const rounded = (share: number): number => Math.round(share * 1000);

function lowest(contenders: readonly Contender[], pick: (c: Contender) => number | null) {
  let best: { policy: string; value: number } | null = null;
  for (const c of contenders) {
    const value = pick(c);
    if (value !== null && (best === null || value < best.value)) best = { policy: c.policy, value };
  }
  return best;
}

function judge(target: string, contenders: readonly Contender[], shareOf: (s: WaitStats) => number | null): TargetVerdict | null {
  const scored = contenders
    .map((c) => ({ c, share: shareOf(c.overall) }))
    .filter((x): x is { c: Contender; share: number } => x.share !== null);
  if (scored.length === 0) return null;
  const top = Math.max(...scored.map((x) => rounded(x.share)));
  const winners = scored.filter((x) => rounded(x.share) === top);
  const others = scored.filter((x) => rounded(x.share) !== top).sort((a, b) => b.share - a.share);
  const first = winners[0]!.c;
  return {
    target,
    winners: winners.map((x) => x.c.policy),
    share: winners[0]!.share,
    nextBest: others[0] ? { policy: others[0].c.policy, share: others[0].share } : null,
    winnerTail: { p99: first.overall.p99, max: longestWait(first) },
    lowestTail: { p99: lowest(contenders, (c) => c.overall.p99), max: lowest(contenders, longestWait) },
  };
}

function describe(v: TargetVerdict): string {
  const label = v.target === 'patience' ? 'before patience' : `within ${formatMinutes(Number(v.target.slice(4)))}`;
  if (v.nextBest === null) return `${label}: every policy ${percentOneDecimal(v.share)}`;
  const who = v.winners.join(' = ');
  let text = `${label}: ${who} ${percentOneDecimal(v.share)} (next ${v.nextBest.policy} ${percentOneDecimal(v.nextBest.share)})`;
  const { p99, max } = v.lowestTail;
  const costs: string[] = [];
  if (p99 && v.winnerTail.p99 !== null && v.winnerTail.p99 > p99.value) {
    costs.push(`p99 ${formatMinutes(v.winnerTail.p99)} vs ${formatMinutes(p99.value)} (${p99.policy})`);
  }
  if (max && v.winnerTail.max !== null && v.winnerTail.max > max.value) {
    costs.push(`longest wait ${formatMinutes(v.winnerTail.max)} vs ${formatMinutes(max.value)} (${max.policy})`);
  }
  return `${text}, ${costs.length > 0 ? `tail cost ${costs.join(', ')}` : 'no tail cost'}`;
}

/**
 * Names the winner on each SLA target (and on patience when modelled) and what that winner
 * pays in the tail against the lowest p99 and max of any policy. No overall winner is named:
 * the point of the comparison is that targets disagree.
 */
export function verdict(contenders: readonly Contender[], slaMinutes: readonly number[], withPatience: boolean): Verdict {
  const targets: TargetVerdict[] = [];
  for (const minutes of slaMinutes) {
    const v = judge(`sla:${minutes}`, contenders, (s) => s.withinSla[String(minutes)] ?? null);
    if (v) targets.push(v);
  }
  if (withPatience) {
    const v = judge('patience', contenders, (s) => s.answeredBeforePatience);
    if (v) targets.push(v);
  }
  return { targets, text: verdictText(targets) };
}

function verdictText(targets: readonly TargetVerdict[]): string {
  if (targets.length === 0) return 'Verdict: no ticket was answered in the measured window, so no target can be compared.';
  const contested = targets.filter((t) => t.nextBest !== null);
  if (contested.length === 0) {
    return `Verdict: every policy scores the same on every target (${targets.map(describe).join('; ')}): here the queue clears before the order matters.`;
  }
  const winnerSets = new Set(contested.map((t) => t.winners.join(' = ')));
  const closing =
    winnerSets.size > 1
      ? 'No policy wins every target.'
      : 'One order leads on every contested target in this run; that is a finding about this data, not a general ranking.';
  return `Verdict: ${targets.map(describe).join('; ')}. ${closing}`;
}
