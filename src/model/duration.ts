/** Durations on the command line and in config: `90s`, `30m`, `4h`, `1.5d`, `2w`. */

/** Seconds in one of each unit a duration or a rate (`poisson:40/h`) is written in. */
export const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

export type DurationUnit = keyof typeof UNIT_SECONDS;

/**
 * A duration's text: a number and an optional unit. The config's JSON Schema carries it as a
 * pattern (without the flag), so a change here changes csops.config.schema.json.
 */
export const DURATION_TEXT = /^\s*(\d+(\.\d+)?|\.\d+)\s*[smhdw]?\s*$/i;

/**
 * Seconds in a duration text. A bare number is read in `bareUnit` (minutes unless said),
 * so `--handle-time 8` and `--handle-time 8m` agree. Returns NaN when unreadable.
 */
export function parseDurationSeconds(text: string, bareUnit: 's' | 'm' | 'h' | 'd' | 'w' = 'm'): number {
  const match = DURATION_TEXT.exec(text);
  if (!match) return Number.NaN;
  // A written unit is the last character: the pattern allows only spaces after it.
  const last = text.trimEnd().slice(-1).toLowerCase();
  return Number(match[1]) * UNIT_SECONDS[last in UNIT_SECONDS ? last : bareUnit]!;
}

export const parseDurationMinutes = (text: string, bareUnit: 's' | 'm' | 'h' | 'd' | 'w' = 'm'): number =>
  parseDurationSeconds(text, bareUnit) / 60;

/** Shortest exact unit text for whole seconds, the inverse of parseDurationSeconds: 86400 → 24h, 90 → 90s, 480 → 8m. */
export function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${Math.round(seconds * 1000) / 1000}s`;
}

/** Human text for a number of minutes: `45m`, `3.2h`, `2.1d`. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return '–';
  if (minutes < 60) return `${round1(minutes)}m`;
  if (minutes < 48 * 60) return `${round1(minutes / 60)}h`;
  return `${round1(minutes / 1440)}d`;
}

const round1 = (x: number): string => (Math.round(x * 10) / 10).toString();
