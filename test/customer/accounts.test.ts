import { describe, expect, it } from 'vitest';
import { accountMetrics, concentrationOf, customerStanding, revenueGrid, type AccountMonth } from '../../src/metrics/customer/accounts.js';
import { repurchaseRates } from '../../src/metrics/customer/repurchase.js';

/** The fixture fixtures/accounts/accounts.csv, hand-computed below. */
const ROWS: AccountMonth[] = [
  ['acme', '2024-01', 100], ['blue', '2024-01', 200], ['cobalt', '2024-01', 50], ['delta', '2024-01', 100],
  ['acme', '2024-02', 100], ['blue', '2024-02', 200], ['delta', '2024-02', 80], ['echo', '2024-02', 40],
  ['acme', '2024-03', 150], ['blue', '2024-03', 0], ['cobalt', '2024-03', 50], ['delta', '2024-03', 80], ['echo', '2024-03', 40],
].map(([customer, month, mrr]) => ({ customer: customer as string, month: month as string, mrr: mrr as number }));

describe('re-purchase rate, both ways (DOMAIN.md §3)', () => {
  it("reproduces the source's worked example: 30 customers × 4 repeats + 15 × 2 …", () => {
    // 30 customers bought again 4 times, 15 twice, the other 55 of 100 never: (30×4 + 15×2) ÷ 100 = 1.5.
    const repeats = [...Array(30).fill(4), ...Array(15).fill(2), ...Array(55).fill(0)];
    expect(repurchaseRates(repeats)).toEqual({
      customers: 100,
      repeatCustomers: 45,
      repeatPurchases: 150,
      customerRate: 0.45,
      purchaseRate: 1.5,
    });
  });

  it('counts every paid month after the first as a repeat purchase in account data', () => {
    // The same example as revenue rows: 30 customers pay 5 months, 15 pay 3, 55 pay 1.
    const rows: AccountMonth[] = [];
    const add = (count: number, months: number, prefix: string) => {
      for (let c = 0; c < count; c++) for (let m = 1; m <= months; m++) rows.push({ customer: `${prefix}${c}`, month: `2024-0${m}`, mrr: 10 });
    };
    add(30, 5, 'a');
    add(15, 3, 'b');
    add(55, 1, 'c');
    const { repurchase } = accountMetrics(rows);
    expect(repurchase.purchaseRate).toBe(1.5);
    expect(repurchase.customerRate).toBe(0.45);
  });

  it('is null without customers', () => {
    expect(repurchaseRates([])).toMatchObject({ customerRate: null, purchaseRate: null });
  });
});

describe('monthly churn, MRR churn, net MRR churn, expansion (DOMAIN.md §3)', () => {
  const result = accountMetrics(ROWS);

  it('February: cobalt (50 of 450) leaves, delta downgrades 100 → 80, echo joins', () => {
    const feb = result.monthly[0]!;
    expect(feb).toMatchObject({
      month: '2024-02',
      customersStart: 4,
      customersLost: 1,
      customersNew: 1,
      customersEnd: 4,
      mrrStart: 450,
      mrrEnd: 420,
      churnedMrr: 50,
      expansionMrr: 0,
      contractionMrr: 20,
      newMrr: 40,
      customerChurn: 0.25,
      expansionRate: 0,
      upsellRatio: 0,
    });
    // The source's MRR churn counts only MRR of customers lost: 50 / 450.
    expect(feb.mrrChurn).toBeCloseTo(50 / 450, 12);
    expect(feb.netMrrChurn).toBeCloseTo(50 / 450, 12);
  });

  it('March: blue (200 of 420) leaves, acme upgrades 100 → 150, cobalt comes back', () => {
    const mar = result.latest!;
    expect(mar).toMatchObject({ month: '2024-03', customersStart: 4, customersLost: 1, customersNew: 1, churnedMrr: 200, expansionMrr: 50, upgraded: 1 });
    expect(mar.customerChurn).toBe(0.25);
    expect(mar.mrrChurn).toBeCloseTo(200 / 420, 12);
    expect(mar.netMrrChurn).toBeCloseTo((200 - 50) / 420, 12);
    expect(mar.expansionRate).toBeCloseTo(50 / 420, 12);
    // Kept acme, delta, echo; one of them upgraded: 1 ÷ 2.
    expect(mar.upsellRatio).toBe(0.5);
  });

  it('turns net MRR churn negative when expansion outweighs losses', () => {
    const rows: AccountMonth[] = [
      { customer: 'a', month: '2024-01', mrr: 100 },
      { customer: 'b', month: '2024-01', mrr: 100 },
      { customer: 'a', month: '2024-02', mrr: 160 },
    ];
    // (100 lost − 60 expansion) / 200 = 0.2; with b kept at 100 and a to 260: (0 − 160)/200 = −0.8.
    expect(accountMetrics(rows).latest?.netMrrChurn).toBeCloseTo(0.2, 12);
    const grown = [...rows.slice(0, 2), { customer: 'a', month: '2024-02', mrr: 260 }, { customer: 'b', month: '2024-02', mrr: 100 }];
    expect(accountMetrics(grown).latest?.netMrrChurn).toBeCloseTo(-0.8, 12);
  });

  it('summarises the whole range: customers, re-purchase, upsell and concentration', () => {
    expect(result).toMatchObject({ firstMonth: '2024-01', lastMonth: '2024-03', customers: 5, notes: [] });
    // Paid months acme 3, blue 2, cobalt 2, delta 3, echo 2 → repeats 2+1+1+2+1 = 7 over 5 customers.
    expect(result.repurchase).toMatchObject({ repeatCustomers: 5, repeatPurchases: 7, customerRate: 1, purchaseRate: 1.4 });
    // Kept at least once: acme, blue, delta, echo; upgraded: acme.
    expect(result.upsell).toEqual({ upgraded: 1, notUpgraded: 3, ratio: 1 / 3 });
    // March MRR 150, 80, 50, 40: the top 20% (1 customer) brings 150 / 320.
    expect(result.concentration).toEqual({ month: '2024-03', customers: 4, topCustomers: 1, topShare: 150 / 320, concentrated: false, threshold: 0.8 });
  });

  it('does not compare across a month with no rows, and says so', () => {
    const gap = accountMetrics([
      { customer: 'a', month: '2024-01', mrr: 100 },
      { customer: 'a', month: '2024-03', mrr: 100 },
    ]);
    expect(gap.monthly).toEqual([]);
    expect(gap.notes).toEqual(['accounts: 2024-02 has no rows, so 2024-03 is not compared with it']);
  });

  it('gives null rates, never 0, when there is nothing at the start', () => {
    const fresh = accountMetrics([{ customer: 'a', month: '2023-12', mrr: 0 }, { customer: 'a', month: '2024-01', mrr: 10 }]);
    expect(fresh.latest).toMatchObject({ month: '2024-01', customerChurn: null, mrrChurn: null, netMrrChurn: null });
  });
});

describe('plan mix', () => {
  it('counts the last month by plan, largest MRR first, leaving out non-payers', () => {
    const rows: AccountMonth[] = [
      { customer: 'a', month: '2024-01', mrr: 10, plan: 'team' },
      { customer: 'a', month: '2024-02', mrr: 150, plan: 'business' },
      { customer: 'b', month: '2024-02', mrr: 0, plan: 'business' },
      { customer: 'c', month: '2024-02', mrr: 50, plan: 'team' },
      { customer: 'd', month: '2024-02', mrr: 50, plan: 'team' },
    ];
    expect(accountMetrics(rows).plans).toEqual([
      { plan: 'business', customers: 1, mrr: 150, share: 0.6 },
      { plan: 'team', customers: 2, mrr: 100, share: 0.4 },
    ]);
  });
  it('is empty without a plan column', () => {
    expect(accountMetrics(ROWS).plans).toEqual([]);
  });
});

describe('revenue concentration (80% of revenue from 20% of customers is the signal)', () => {
  it('flags 2 of 10 customers bringing 80%', () => {
    const revenue = new Map<string, number>([['x', 400], ['y', 400], ...Array.from({ length: 8 }, (_, i) => [`s${i}`, 25] as [string, number])]);
    expect(concentrationOf('2024-05', revenue, 0.8)).toMatchObject({ topCustomers: 2, topShare: 0.8, concentrated: true });
  });
  it('gives no signal under five customers, where the top 20% is a single customer', () => {
    const few = new Map([['big', 900], ['small', 100]]);
    expect(concentrationOf('2024-05', few, 0.8)).toMatchObject({ topCustomers: 1, topShare: 0.9, concentrated: false });
  });
});

describe('customerStanding', () => {
  it('marks customers paying in the last month retained, earlier payers churned', () => {
    expect(Object.fromEntries(customerStanding(revenueGrid(ROWS)))).toEqual({
      acme: 'retained',
      blue: 'churned',
      cobalt: 'retained',
      delta: 'retained',
      echo: 'retained',
    });
  });
});
