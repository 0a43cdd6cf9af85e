/**
 * The finite `values[row]` for `rows` (only rows with `onlyWhere[row] === 1` when given), sorted
 * ascending in the front of `scratch`, which must be at least as long as `rows`. The result is a
 * view into scratch: read it before the next call.
 */
export function collectSorted(
  values: Float64Array,
  rows: Int32Array,
  onlyWhere: Uint8Array | null,
  scratch: Float64Array,
): Float64Array {
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const v = values[row]!;
    if (!Number.isNaN(v) && (onlyWhere === null || onlyWhere[row] === 1)) scratch[n++] = v;
  }
  return scratch.subarray(0, n).sort();
}
