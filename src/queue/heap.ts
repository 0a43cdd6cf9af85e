/**
 * A binary min-heap of integer ids ordered by two numeric keys looked up per id
 * (primary, then secondary). Keys live in caller-owned typed arrays so the heap itself
 * allocates nothing per push; that keeps a year of simulated tickets cheap.
 */
export class KeyedHeap {
  private ids: Int32Array;
  private count = 0;

  constructor(
    private readonly primary: Float64Array,
    private readonly secondary: Float64Array,
    capacity = 64,
  ) {
    this.ids = new Int32Array(Math.max(capacity, 4));
  }

  get size(): number {
    return this.count;
  }

  /** The id with the smallest keys, or -1 when empty. */
  peek(): number {
    return this.count > 0 ? this.ids[0]! : -1;
  }

  push(id: number): void {
    if (this.count === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    let i = this.count++;
    const ids = this.ids;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(id, ids[parent]!)) break;
      ids[i] = ids[parent]!;
      i = parent;
    }
    ids[i] = id;
  }

  /** Removes and returns the smallest id, or -1 when empty. */
  pop(): number {
    if (this.count === 0) return -1;
    const ids = this.ids;
    const top = ids[0]!;
    const last = ids[--this.count]!;
    const n = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(ids[child + 1]!, ids[child]!)) child++;
      if (!this.less(ids[child]!, last)) break;
      ids[i] = ids[child]!;
      i = child;
    }
    if (n > 0) ids[i] = last;
    return top;
  }

  private less(a: number, b: number): boolean {
    const pa = this.primary[a]!;
    const pb = this.primary[b]!;
    return pa < pb || (pa === pb && this.secondary[a]! < this.secondary[b]!);
  }
}
