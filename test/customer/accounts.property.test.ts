import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountMetrics, type AccountMonth } from '../../src/metrics/customer/accounts.js';

/** Random revenue tables: up to 12 customers over up to 6 consecutive months, some months unpaid. */
const rowsArb = fc
  .array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5000 })), { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 12 })
  .map((customers): AccountMonth[] =>
    customers.flatMap((months, c) => months.map((mrr, m) => ({ customer: `c${c}`, month: `2024-0${m + 1}`, mrr }))),
  );

describe('account metrics invariants', () => {
  it('keep churn and shares within bounds and the customer counts consistent', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const result = accountMetrics(rows);
        for (const m of result.monthly) {
          expect(m.customersStart - m.customersLost + m.customersNew).toBe(m.customersEnd);
          expect(m.mrrStart - m.churnedMrr - m.contractionMrr + m.expansionMrr + m.newMrr).toBeCloseTo(m.mrrEnd, 6);
          if (m.customerChurn !== null) expect(m.customerChurn).toBeGreaterThanOrEqual(0);
          if (m.customerChurn !== null) expect(m.customerChurn).toBeLessThanOrEqual(1);
          if (m.mrrChurn !== null && m.netMrrChurn !== null) expect(m.netMrrChurn).toBeLessThanOrEqual(m.mrrChurn + 1e-12);
        }
        const r = result.repurchase;
        if (r.customerRate !== null && r.purchaseRate !== null) {
          expect(r.customerRate).toBeLessThanOrEqual(1);
          expect(r.purchaseRate).toBeGreaterThanOrEqual(r.customerRate);
        }
        const c = result.concentration;
        if (c?.topShare != null) {
          // The top 20% hold at least 20% of revenue.
          expect(c.topShare).toBeGreaterThanOrEqual(c.topCustomers / c.customers - 1e-12);
          expect(c.topShare).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
    );
  });
});
