import { formatMinutes, formatSeconds, parseDurationSeconds } from '../model/duration.js';
import { SpecError } from '../model/spec-error.js';
import { exponential, standardNormal, type Uniform } from './random.js';

/** A positive random duration in seconds: handling times and customer patience. */
export type Distribution =
  | { kind: 'fixed'; mean: number }
  | { kind: 'exp'; mean: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  /** Resampling of recorded durations (an export's handling times), each equally likely. */
  | { kind: 'empirical'; mean: number; values: Float64Array };

/** Seconds in a duration spec, or a SpecError naming `what` when it is not above zero. */
export const positiveDuration = (text: string, what: string): number => {
  const seconds = parseDurationSeconds(text);
  if (!(seconds > 0)) throw new SpecError(`${what} "${text}" is not a positive duration like 8m, 90s or 4h`);
  return seconds;
};

/** `8m` (fixed), `fixed:8m`, `exp:8m`, `lognormal:8m,4m` (mean and standard deviation). */
export function parseDistribution(text: string): Distribution {
  const [kind, rest] = text.includes(':') ? (text.split(':', 2) as [string, string]) : ['fixed', text];
  switch (kind.trim().toLowerCase()) {
    case 'fixed':
      return { kind: 'fixed', mean: positiveDuration(rest, 'duration') };
    case 'exp':
      return { kind: 'exp', mean: positiveDuration(rest, 'mean') };
    case 'lognormal': {
      const [mean, sd] = rest.split(',');
      if (sd === undefined) throw new SpecError(`lognormal needs a mean and a standard deviation, like lognormal:8m,4m`);
      return { kind: 'lognormal', mean: positiveDuration(mean!, 'mean'), sd: positiveDuration(sd, 'standard deviation') };
    }
    default:
      throw new SpecError(`unknown distribution "${kind}" (use fixed, exp or lognormal)`);
  }
}

/**
 * The recorded durations (seconds) as a distribution to resample; positive values only, since a
 * zero or missing handling time is a ticket nobody timed, not an instant answer.
 */
export function empirical(recorded: ArrayLike<number>): Extract<Distribution, { kind: 'empirical' }> | undefined {
  const values = Float64Array.from(recorded).filter((x) => x > 0);
  if (values.length === 0) return undefined;
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  return { kind: 'empirical', mean, values };
}

/** Whole seconds, at least one: the simulator's clock ticks in seconds. */
const wholeSeconds = (x: number): number => Math.max(1, Math.round(x));

/** A sampler of whole seconds for the distribution (mean and sd of the lognormal as given). */
function sampler(distribution: Distribution, u: Uniform): () => number {
  switch (distribution.kind) {
    case 'fixed': {
      const value = wholeSeconds(distribution.mean);
      return () => value;
    }
    case 'exp':
      return () => wholeSeconds(exponential(u, distribution.mean));
    case 'lognormal': {
      const { mean, sd } = distribution;
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      const mu = Math.log(mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      return () => wholeSeconds(Math.exp(mu + sigma * standardNormal(u)));
    }
    case 'empirical': {
      const { values } = distribution;
      return () => wholeSeconds(values[Math.min(values.length - 1, Math.floor(u() * values.length))]!);
    }
  }
}

/** `count` draws from the distribution. */
export function draw(distribution: Distribution, u: Uniform, count: number): Float64Array {
  const next = sampler(distribution, u);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = next();
  return out;
}

/** Canonical text of a distribution (for the report's settings). */
export function describeDistribution(d: Distribution): string {
  if (d.kind === 'empirical') return `recorded (${d.values.length} tickets, mean ${formatMinutes(d.mean / 60)})`;
  const m = formatSeconds(d.mean);
  return d.kind === 'lognormal' ? `lognormal:${m},${formatSeconds(d.sd)}` : `${d.kind}:${m}`;
}
