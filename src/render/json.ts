/** Pretty JSON with a trailing newline; NaN and Infinity become null (JSON has no such numbers). */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n';
