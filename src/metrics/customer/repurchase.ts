/**
 * Re-purchase rate, both ways the source defines it (shared/DOMAIN.md §3):
 * (a) customers with more than one purchase ÷ all customers;
 * (b) Σ repeat purchases over all customers ÷ all customers, e.g. (30×4 + 15×2 + …) ÷ total.
 */
export interface Repurchase {
  customers: number;
  /** Customers who bought again at least once. */
  repeatCustomers: number;
  /** Purchases after each customer's first, summed. */
  repeatPurchases: number;
  /** Way (a): repeatCustomers ÷ customers. */
  customerRate: number | null;
  /** Way (b): repeatPurchases ÷ customers. */
  purchaseRate: number | null;
}

/** `repeats[i]` is how many times customer i bought again after the first purchase. */
export function repurchaseRates(repeats: readonly number[]): Repurchase {
  let repeatCustomers = 0;
  let repeatPurchases = 0;
  for (const r of repeats) {
    if (r > 0) repeatCustomers++;
    repeatPurchases += r;
  }
  const n = repeats.length;
  return {
    customers: n,
    repeatCustomers,
    repeatPurchases,
    customerRate: n === 0 ? null : repeatCustomers / n,
    purchaseRate: n === 0 ? null : repeatPurchases / n,
  };
}
