import { describe, expect, it } from 'vitest';
import { derive } from '../../src/metrics/derive.js';
import { tableFromTickets } from '../../src/model/table.js';

describe('derive', () => {
  it('keeps a duration computed from timestamps exact beside whole minutes the export stores narrow', () => {
    const table = tableFromTickets([
      { id: '1', createdAt: 0, firstReplyMinutes: 15 },
      // No exported minutes: 125 s after creation is 2.0833333333333335 minutes, which a Float32 would round.
      { id: '2', createdAt: 0, firstReplyAt: 125_000 },
    ]);
    expect(table.firstReplyMinutes).toBeInstanceOf(Float32Array);
    const { firstReply, sources } = derive(table, 'UTC');
    expect(Array.from(firstReply)).toEqual([15, 125 / 60]);
    expect(sources.firstReply).toEqual({ fromExport: 1, fromTimestamps: 1, differing: 0 });
  });
});
