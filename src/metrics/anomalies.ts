import type { AgentStats } from './agents.js';
import { modifiedZScores } from './robust-z.js';
import type { Anomaly, AnomalyMetric } from './types.js';

/** Default |modified z| beyond which a value is an outlier (Iglewicz & Hoaglin). */
export const ANOMALY_THRESHOLD = 3.5;
/** An agent's median or rate must rest on at least this many tickets to be compared. */
export const MIN_TICKETS = 5;
/** A team needs this many comparable agents to be its own reference; smaller teams use the company. */
export const MIN_PEERS = 3;

interface MetricSpec {
  metric: AnomalyMetric;
  value: (a: AgentStats) => number | null;
  evidence: (a: AgentStats) => number;
  higherIsBetter: boolean;
}

const METRICS: MetricSpec[] = [
  { metric: 'firstReplyMedian', value: (a) => a.firstReplyMedian, evidence: (a) => a.firstReplyCount, higherIsBetter: false },
  { metric: 'fullResolutionMedian', value: (a) => a.fullResolutionMedian, evidence: (a) => a.fullResolutionCount, higherIsBetter: false },
  { metric: 'solvedPerActiveDay', value: (a) => a.solvedPerActiveDay, evidence: (a) => a.solved, higherIsBetter: true },
];

/**
 * Agents far from their team on first reply, resolution or solved per day: |modified z| above
 * `threshold` within the team, or within the whole company when the team has fewer than
 * MIN_PEERS comparable agents. Agents with fewer than MIN_TICKETS behind a figure are left out.
 */
export function findAnomalies(agents: readonly AgentStats[], threshold: number = ANOMALY_THRESHOLD): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const spec of METRICS) {
    const comparable = agents.filter((a) => spec.value(a) !== null && spec.evidence(a) >= MIN_TICKETS);
    if (comparable.length < MIN_PEERS) continue;
    const teams = new Map<string | null, AgentStats[]>();
    for (const agent of comparable) {
      const members = teams.get(agent.team);
      if (members) members.push(agent);
      else teams.set(agent.team, [agent]);
    }
    const company = modifiedZScores(comparable.map((a) => spec.value(a)!));
    for (const [, members] of teams) {
      const ownTeam = members.length >= MIN_PEERS;
      const reference = ownTeam ? modifiedZScores(members.map((a) => spec.value(a)!)) : company;
      members.forEach((agent, i) => {
        const score = ownTeam ? reference.scores[i]! : company.scores[comparable.indexOf(agent)]!;
        if (!(Math.abs(score) > threshold)) return;
        const above = score > 0;
        anomalies.push({
          agent: agent.agent,
          team: agent.team,
          metric: spec.metric,
          value: spec.value(agent)!,
          reference: ownTeam ? 'team' : 'company',
          referenceMedian: reference.median,
          score,
          direction: above === spec.higherIsBetter ? 'better' : 'worse',
        });
      });
    }
  }
  return anomalies.sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
}
