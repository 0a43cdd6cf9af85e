import { MS, zoneOffsetMinutes } from '../model/time.js';

const QUARTER_HOUR = 15 * MS.minute;
const UNKNOWN = -32768;
/** Beyond ~100 years of quarter hours the array would cost more than it saves. */
const MAX_BUCKETS = 1 << 22;

/**
 * Zone offsets (minutes) of instants, those within [min, max] memoised in a typed array per quarter
 * hour, the step offsets change on. model/time caches in a Map; on a million tickets the Map
 * lookups alone cost more than every metric that follows.
 */
export function offsetLookup(tz: string, { min, max }: { min: number; max: number }): (epochMs: number) => number {
  const first = Math.floor(min / QUARTER_HOUR);
  const count = Math.floor(max / QUARTER_HOUR) - first + 1;
  if (!(count > 0 && count <= MAX_BUCKETS)) return (epochMs) => zoneOffsetMinutes(epochMs, tz);
  const offsets = new Int16Array(count).fill(UNKNOWN);
  return (epochMs) => {
    const bucket = Math.floor(epochMs / QUARTER_HOUR) - first;
    if (!(bucket >= 0 && bucket < count)) return zoneOffsetMinutes(epochMs, tz);
    let offset = offsets[bucket]!;
    if (offset === UNKNOWN) offset = offsets[bucket] = zoneOffsetMinutes(epochMs, tz);
    return offset;
  };
}
