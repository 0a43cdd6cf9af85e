import { describe, expect, it } from 'vitest';
import { createdShares } from '../../src/metrics/created-shares.js';
import { metricsOf, ticket } from './helpers.js';

describe('createdShares', () => {
  it('gives each group its share of the created tickets, largest first', () => {
    const tickets = [ticket({ channel: 'chat' }), ticket({ channel: 'email' }), ticket({ channel: 'email' }), ticket({ channel: 'email' })];
    const shares = createdShares(metricsOf(tickets, { by: ['channel'] }).groups.channel!);
    expect(shares.map(({ row, share }) => [row.key, share])).toEqual([['email', 0.75], ['chat', 0.25]]);
  });

  it('is empty when the split holds no ticket', () => {
    expect(createdShares([])).toEqual([]);
  });
});
