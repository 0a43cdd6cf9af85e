/**
 * A cell of 1 to 15 plain digits read in place from text[from, to), without cutting a string
 * (at most 15 digits: every such number is held exactly by a double); NaN for anything else,
 * which the full reader then reads or rejects.
 */
export function plainIntegerAt(text: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return Number.NaN;
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    value = value * 10 + c;
  }
  return value;
}
