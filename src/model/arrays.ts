/** A typed array type that can be made from a length or from shared memory. */
export interface TypedArrayKind<T> {
  new (length: number): T;
  new (buffer: SharedArrayBuffer): T;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * A zeroed typed array of `length` elements, in a SharedArrayBuffer when `shared`: another thread
 * handed it then reads the same memory instead of a copy.
 */
export function newArray<T>(Kind: TypedArrayKind<T>, length: number, shared: boolean): T {
  return shared ? new Kind(new SharedArrayBuffer(length * Kind.BYTES_PER_ELEMENT)) : new Kind(length);
}
