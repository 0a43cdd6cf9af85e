import { describe, expect, it } from 'vitest';
import { wallClockToEpoch } from '../../src/model/time.js';
import { parseCoverage } from '../../src/staffing/coverage.js';
import { checkFirstReply } from '../../src/staffing/reply-check.js';

const business = parseCoverage('mon-fri 09-17')!;
const hours = new Float64Array(168).map((_, h) => (business[h] ? 1 / 40 : 0));
const check = (agents: number, targetSeconds: number) =>
  checkFirstReply({
    volume: 400,
    hours,
    coverage: business,
    agents: business.map((open) => (open ? agents : 0)),
    handleSeconds: 600,
    targetSeconds,
    targetShare: 0.9,
    weekStart: wallClockToEpoch(2024, 3, 4, 0, 0, 0, 'UTC') / 1000,
    tz: 'UTC',
    seed: 3,
  });

describe('checkFirstReply (queue simulator)', () => {
  it('meets a 4-hour target with ample staff and fails it with one agent for 10 tickets an hour', () => {
    // 10 arrivals per staffed hour × 10 min = 1.67 Erlangs of work.
    const ample = check(4, 4 * 3600);
    expect(ample.tickets).toBeGreaterThan(300);
    expect(ample.met).toBe(true);
    const short = check(1, 4 * 3600);
    expect(short.met).toBe(false);
    expect(short.withinTarget).toBeLessThan(ample.withinTarget);
  });
});
