import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/seeded-random.js';
import { mulberry32Words } from '../../src/queue/random.js';

// The fixture generators keep their own copy of mulberry32 so fixtures can be made without a
// build; this keeps the copy the same generator as the simulator's (pinned in test/queue/parts).
describe('bench/seeded-random.js', () => {
  it.each([0, 7, 12345, 20240304, 0xffffffff])('gives the words of src/queue/random.ts over 2^32, seed %i', (seed) => {
    const fraction = mulberry32(seed);
    const word = mulberry32Words(seed);
    for (let i = 0; i < 1000; i++) expect(fraction() * 2 ** 32).toBe(word());
  });
});
