/** `part / whole`, or null when there is no whole to take a share of (no tickets, no revenue). */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
