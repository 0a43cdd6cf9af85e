// Benchmark of `csops simulate`: one year of a desk receiving 500 tickets a day (about 180k
// tickets), compared under the five default policies. Runs against the built dist/ (npm run build).
// Usage: node bench/simulate.js   prints tickets, events and events per second (bench/run.js runs
// it the same way, as a child process).
import { performance } from 'node:perf_hooks';
import { poissonArrivals } from '../dist/queue/arrivals.js';
import { comparePolicies, STREAM } from '../dist/queue/compare.js';
import { DEFAULT_POLICIES, parsePolicies } from '../dist/queue/policy-names.js';
import { subSeed, uniformSource } from '../dist/queue/random.js';
import { parseHours, staffingFor } from '../dist/queue/schedule.js';

const DAY = 86_400;
const START = Date.UTC(2024, 0, 1) / 1000;

function benchSimulate({ ticketsPerDay = 500, days = 365, seed = 1 } = {}) {
  const end = START + days * DAY;
  const arrivals = poissonArrivals(
    { ratePerSecond: ticketsPerDay / DAY, from: START, to: end },
    uniformSource(subSeed(seed, STREAM.arrivals)),
  );
  // 500 tickets × 8 min ≈ 67 agent-hours a day against 9 agents × 12 h on weekdays: about 86% busy.
  const staffing = staffingFor(parseHours('Mon-Fri 08:00-20:00'), 9, START, end, 'UTC');
  const began = performance.now();
  const comparison = comparePolicies({
    arrivals,
    policies: parsePolicies(DEFAULT_POLICIES),
    handle: { kind: 'exp', mean: 8 * 60 },
    seed,
    staffing,
    end,
    measureFrom: START + DAY,
    slaMinutes: [60, 240, 1440],
  });
  const seconds = (performance.now() - began) / 1000;
  return {
    tickets: arrivals.arrival.length,
    policies: comparison.policies.length,
    events: comparison.events,
    seconds,
    eventsPerSecond: comparison.events / seconds,
  };
}

const r = benchSimulate();
console.log(
  `simulate: ${r.tickets} tickets × ${r.policies} policies, ${r.events} events in ${r.seconds.toFixed(2)} s ` +
    `= ${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s`,
);
