import type { NumberColumn } from '../model/table.js';

/**
 * The finite values[start, end) (only where `onlyWhere[i] === 1` when given), copied to the
 * front of `scratch`. The result is a view into scratch: use it before the next call.
 */
export function collect(values: NumberColumn, start: number, end: number, onlyWhere: Uint8Array | null, scratch: Float64Array): Float64Array {
  let n = 0;
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v) && (onlyWhere === null || onlyWhere[i] === 1)) scratch[n++] = v;
  }
  return scratch.subarray(0, n);
}
