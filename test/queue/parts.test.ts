import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/model/spec-error.js';
import { parsePoissonRate } from '../../src/queue/arrivals.js';
import { CLASS, classOf, DEFAULT_WIDESPREAD_TAGS } from '../../src/queue/classes.js';
import { describeDistribution, draw, empirical, parseDistribution } from '../../src/queue/distributions.js';
import { KeyedHeap } from '../../src/queue/heap.js';
import { morningInbox } from '../../src/queue/morning-inbox.js';
import { DEFAULT_POLICIES, parsePolicies, parsePolicy } from '../../src/queue/policy-names.js';
import { mulberry32Words, uniformSource } from '../../src/queue/random.js';
import { parseHours, staffingFor } from '../../src/queue/schedule.js';
import { waitStats } from '../../src/queue/summary.js';

describe('mulberry32', () => {
  it('matches the C original (Tommy Ettinger) compiled with gcc, for seeds 0, 7 and 12345', () => {
    const first5 = (seed: number) => Array.from({ length: 5 }, mulberry32Words(seed));
    expect(first5(0)).toEqual([1144304738, 1416247, 958946056, 627933444, 2007157716]);
    expect(first5(7)).toEqual([50271532, 266108690, 4195786334, 3002305430, 2239590375]);
    expect(first5(12345)).toEqual([4207900869, 1317490944, 2079646450, 3513001552, 2187978186]);
  });

  it('gives uniforms strictly inside (0, 1) with mean 1/2 and variance 1/12 (±1% over 200k draws)', () => {
    const u = uniformSource(3);
    let sum = 0;
    let sq = 0;
    let outside = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = u();
      if (!(x > 0 && x < 1)) outside++;
      sum += x;
      sq += x * x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 200_000 - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sq / 200_000 - 0.25 - 1 / 12)).toBeLessThan(1 / 1200);
  });
});

describe('KeyedHeap', () => {
  it('pops by primary then secondary key, whatever the push order', () => {
    const primary = Float64Array.from([5, 1, 3, 1, 9, 3, 0]);
    const secondary = Float64Array.from([0, 2, 0, 1, 0, -1, 0]);
    const heap = new KeyedHeap(primary, secondary, 2);
    for (const id of [4, 0, 2, 6, 1, 5, 3]) heap.push(id);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop());
    expect(out).toEqual([6, 3, 1, 5, 2, 0, 4]);
    expect(heap.pop()).toBe(-1);
  });
});

describe('classes', () => {
  it('urgent beats a widespread tag; tags match by containment, case-insensitively; unknown priority is normal', () => {
    const tags = DEFAULT_WIDESPREAD_TAGS;
    expect(classOf(3, ['incident'], tags)).toBe(CLASS.urgent);
    expect(classOf(0, ['Incident-2024-03'], tags)).toBe(CLASS.widespread);
    expect(classOf(2, ['billing'], tags)).toBe(CLASS.high);
    expect(classOf(-1, undefined, tags)).toBe(CLASS.normal);
    expect(classOf(0, undefined, tags)).toBe(CLASS.low);
  });
});

describe('distributions', () => {
  it('reads fixed, exp and lognormal specs and rejects bad ones with a reason', () => {
    expect(parseDistribution('8m')).toEqual({ kind: 'fixed', mean: 480 });
    expect(parseDistribution('exp:6m')).toEqual({ kind: 'exp', mean: 360 });
    expect(parseDistribution('lognormal:8m,4m')).toEqual({ kind: 'lognormal', mean: 480, sd: 240 });
    expect(() => parseDistribution('gamma:3m')).toThrow(SpecError);
    expect(() => parseDistribution('exp:soon')).toThrow(/not a positive duration/);
    expect(() => parseDistribution('lognormal:8m')).toThrow(/standard deviation/);
  });

  it('lognormal:8m,4m draws with mean 480 s and sd 240 s (±2%, ±4% over 200k draws)', () => {
    const xs = draw(parseDistribution('lognormal:8m,4m'), uniformSource(5), 200_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 480)).toBeLessThan(0.02 * 480);
    expect(Math.abs(sd - 240)).toBeLessThan(0.04 * 240);
  });

  it('resamples recorded durations: only values it was given, each about equally often, untimed ones left out', () => {
    const recorded = empirical([0, 120, 300, Number.NaN, 600, -5]);
    expect(recorded).toMatchObject({ kind: 'empirical', mean: 340 });
    expect(describeDistribution(recorded!)).toBe('recorded (3 tickets, mean 5.7m)');
    const xs = draw(recorded!, uniformSource(3), 30_000);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([120, 300, 600]);
    // Each of the three is drawn with probability 1/3: 10,000 ± 4 sd (sd ≈ 82) over 30,000 draws.
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(330);
    expect(empirical([0, Number.NaN])).toBeUndefined();
  });
});

describe('poisson rate', () => {
  it('reads poisson:<n>/<unit> as arrivals per second and rejects anything else with a reason', () => {
    expect(parsePoissonRate('poisson:40/h')).toBeCloseTo(40 / 3600, 12);
    expect(parsePoissonRate(' Poisson:0.5/M ')).toBeCloseTo(0.5 / 60, 12);
    expect(parsePoissonRate('poisson:900/d')).toBeCloseTo(900 / 86_400, 12);
    expect(() => parsePoissonRate('poisson:lots')).toThrow(new SpecError('"poisson:lots" is not a rate like poisson:40/h (units s, m, h, d)'));
    expect(() => parsePoissonRate('poisson:0/h')).toThrow(SpecError);
  });
});

describe('morning inbox', () => {
  const start = 1_704_099_600;
  const spec = { batch: 50, oldestSeconds: 12 * 3600, newestSeconds: 300, clearSeconds: 90 * 60, agents: 3, start };

  it('clears the batch in the clearing time with one fixed handling time', () => {
    const scenario = morningInbox(spec);
    expect(scenario.handle).toEqual({ kind: 'fixed', mean: 324 });
    // 17 rounds of 324 s for 50 messages and 3 agents.
    expect(scenario.end).toBe(start + 17 * 324);
  });

  it('with drawn handling times, leaves room past the nominal clearing time', () => {
    const handle = { kind: 'exp', mean: 300 } as const;
    const scenario = morningInbox({ ...spec, handle });
    expect(scenario.handle).toBe(handle);
    expect(scenario.end).toBe(start + 17 * 324 + 2 * 5000);
  });
});

describe('policy names', () => {
  it.each([
    ['fifo', 'fifo'],
    ['lifo', 'newest-first'],
    ['Newest-First+age-cap=1440m', 'newest-first+age-cap=24h'],
    ['age-cap=90m', 'newest-first+age-cap=90m'],
    ['split=2+age-cap=1d', 'split=2+age-cap=24h'],
    ['sla-first', 'sla-first'],
  ])('%s → %s', (text, name) => expect(parsePolicy(text).name).toBe(name));

  it('rejects unknown policies and caps on oldest-first ones', () => {
    expect(() => parsePolicy('random')).toThrow(/unknown policy "random"/);
    expect(() => parsePolicy('fifo+age-cap=1h')).toThrow(/newest-first policies, not to fifo/);
    expect(() => parsePolicy('split=0')).toThrow(/at least one/);
  });

  it('the default comparison, and --age-cap on every uncapped newest-first policy without duplicates', () => {
    expect(parsePolicies(DEFAULT_POLICIES).map((p) => p.name)).toEqual([...DEFAULT_POLICIES]);
    expect(parsePolicies(['fifo', 'newest-first', 'newest-first+age-cap=24h'], '24h').map((p) => p.name)).toEqual([
      'fifo',
      'newest-first+age-cap=24h',
    ]);
  });
});

describe('shift hours', () => {
  it('lays Mon-Fri 09:00-17:00 on the Berlin wall clock across the spring DST change', () => {
    // Fri 2026-03-27 to Mon 2026-03-30: Berlin moves from UTC+1 to UTC+2 on Sunday the 29th.
    const from = Date.UTC(2026, 2, 27) / 1000;
    const to = Date.UTC(2026, 2, 30, 23) / 1000;
    const changes = staffingFor(parseHours('Mon-Fri 09:00-17:00'), 4, from, to, 'Europe/Berlin');
    const iso = changes.filter((c) => c.at >= from && c.at < to).map((c) => [new Date(c.at * 1000).toISOString().slice(0, 16), c.agents]);
    expect(iso).toEqual([
      ['2026-03-27T08:00', 4],
      ['2026-03-27T16:00', 0],
      ['2026-03-30T07:00', 4],
      ['2026-03-30T15:00', 0],
    ]);
  });

  it('adds overlapping shifts with their own headcounts and wraps overnight shifts', () => {
    const monday = Date.UTC(2026, 0, 5) / 1000;
    const hours = parseHours('Mon 08:00-16:00=2; Mon 12:00-20:00=1; Mon 22:00-06:00=1');
    const changes = staffingFor(hours, 9, monday, monday + 86_400, 'UTC').filter((c) => c.at >= monday);
    expect(changes.map((c) => [(c.at - monday) / 3600, c.agents])).toEqual([
      [8, 2],
      [12, 3],
      [16, 1],
      [20, 0],
      [22, 1],
      [30, 0],
    ]);
  });

  it('takes the --coverage spelling too: hours without minutes, any case, headcounts kept', () => {
    expect(parseHours('mon-fri 09-17')).toEqual(parseHours('Mon-Fri 09:00-17:00'));
    expect(parseHours('MON 8-16=2; mon 12:00-20=1')).toEqual(parseHours('Mon 08:00-16:00=2; Mon 12:00-20:00=1'));
    expect(parseHours('24x7')).toEqual({ kind: 'always' });
  });

  it('reads 24/7 and rejects malformed shifts', () => {
    expect(parseHours('24/7')).toEqual({ kind: 'always' });
    expect(() => parseHours('weekdays 9-5')).toThrow(/not a shift like/);
    expect(() => parseHours('Mon-Fri 09:00-25:00')).toThrow(/not a time/);
    expect(() => parseHours('Mon-Fry 09:00-17:00')).toThrow(/not a weekday/);
  });
});

describe('wait statistics', () => {
  it('percentiles are R type 7 (T18: p50 of [1,2,3,4,8] is 3, p90 is 6.4) and SLA shares leave open outcomes out', () => {
    const stats = waitStats(
      { waits: Float64Array.from([1, 2, 3, 4, 8]), ages: Float64Array.from([30, 2000]), patient: 0, patienceKnown: 0 },
      { measureFrom: 0, slaMinutes: [5, 60] },
    );
    expect(stats.median).toBe(3);
    expect(stats.p90).toBeCloseTo(6.4, 12);
    expect(stats.mean).toBe(3.6);
    expect(stats.max).toBe(8);
    // 5 min: 4 answered in time; both still-waiting tickets are already late → 4 / 7.
    expect(stats.withinSla['5']).toBeCloseTo(4 / 7, 12);
    // 60 min: the 30-minute-old one may still make it, so it is left out → 5 / 6.
    expect(stats.withinSla['60']).toBeCloseTo(5 / 6, 12);
    expect(stats.over24h).toBeCloseTo(1 / 7, 12);
    expect(stats.answeredBeforePatience).toBeNull();
  });
});
