import { ratio } from '../../model/ratio.js';
import { monthIndex, monthText } from './months.js';
import { repurchaseRates, type Repurchase } from './repurchase.js';

/**
 * Account revenue metrics, month by month, exactly as shared/DOMAIN.md §3 defines them:
 * customer churn = customers lost ÷ customers at the start; MRR churn = MRR of lost customers ÷
 * MRR at the start; net MRR churn = (MRR lost − expansion MRR) ÷ MRR at the start; expansion
 * revenue = new revenue from existing customers ÷ last month's revenue. Downgrades are not part
 * of the source's MRR churn, so they are reported apart as contraction.
 */

export interface AccountMonth {
  customer: string;
  /** `YYYY-MM`. */
  month: string;
  mrr: number;
  plan?: string;
}

export interface MonthFigures {
  month: string;
  customersStart: number;
  customersLost: number;
  customersNew: number;
  customersEnd: number;
  mrrStart: number;
  mrrEnd: number;
  churnedMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  newMrr: number;
  /** Customers kept from last month whose MRR went up. */
  upgraded: number;
  customerChurn: number | null;
  mrrChurn: number | null;
  netMrrChurn: number | null;
  expansionRate: number | null;
  /** upgraded ÷ customers kept who did not upgrade. */
  upsellRatio: number | null;
}

export interface Upsell {
  /** Customers who raised their MRR at least once while staying. */
  upgraded: number;
  /** Customers who stayed at least one month-to-month step and never raised it. */
  notUpgraded: number;
  ratio: number | null;
}

export interface Concentration {
  month: string;
  customers: number;
  /** The top 20% of paying customers by MRR (rounded up). */
  topCustomers: number;
  /** Their share of the month's MRR. */
  topShare: number | null;
  /** Whether topShare reaches the threshold (80% by default, shared/DOMAIN.md §3), with at least 5 customers. */
  concentrated: boolean;
  threshold: number;
}

export interface PlanMix {
  plan: string;
  customers: number;
  mrr: number;
  /** The plan's share of the month's MRR. */
  share: number | null;
}

export interface AccountMetrics {
  firstMonth: string | null;
  lastMonth: string | null;
  /** Customers with revenue in any month. */
  customers: number;
  /** One entry per month that has a month of data before it. */
  monthly: MonthFigures[];
  latest: MonthFigures | null;
  /** A purchase is a month with MRR > 0; every paid month after the first is a repeat. */
  repurchase: Repurchase;
  upsell: Upsell;
  concentration: Concentration | null;
  /** Paying customers and MRR per plan in the last month, largest first; empty without a plan column. */
  plans: PlanMix[];
  notes: string[];
}

/** MRR per customer, per month index; a customer with two rows in a month pays both. */
export type RevenueGrid = Map<number, Map<string, number>>;

export function revenueGrid(rows: readonly AccountMonth[]): RevenueGrid {
  const grid: RevenueGrid = new Map();
  for (const row of rows) {
    const index = monthIndex(row.month);
    let month = grid.get(index);
    if (!month) grid.set(index, (month = new Map()));
    month.set(row.customer, (month.get(row.customer) ?? 0) + row.mrr);
  }
  return grid;
}

const paying = (month: Map<string, number> | undefined): Map<string, number> =>
  new Map([...(month ?? new Map<string, number>())].filter(([, mrr]) => mrr > 0));
const total = (month: Map<string, number>): number => [...month.values()].reduce((a, b) => a + b, 0);

/** Customers who stayed at least one month-to-month step, and those of them who raised their MRR on one. */
interface Stayers {
  kept: Set<string>;
  upgraded: Set<string>;
}

/** One month against the month before; adds the customers who stayed (and upgraded) to `stayers`. */
function monthFigures(month: string, before: Map<string, number>, after: Map<string, number>, stayers: Stayers): MonthFigures {
  let customersLost = 0;
  let churnedMrr = 0;
  let expansionMrr = 0;
  let contractionMrr = 0;
  let upgraded = 0;
  for (const [customer, was] of before) {
    const now = after.get(customer);
    if (now === undefined) {
      customersLost++;
      churnedMrr += was;
      continue;
    }
    stayers.kept.add(customer);
    if (now > was) {
      expansionMrr += now - was;
      upgraded++;
      stayers.upgraded.add(customer);
    } else if (now < was) {
      contractionMrr += was - now;
    }
  }
  let customersNew = 0;
  let newMrr = 0;
  for (const [customer, now] of after) {
    if (!before.has(customer)) {
      customersNew++;
      newMrr += now;
    }
  }
  const mrrStart = total(before);
  const kept = before.size - customersLost;
  return {
    month,
    customersStart: before.size,
    customersLost,
    customersNew,
    customersEnd: after.size,
    mrrStart,
    mrrEnd: total(after),
    churnedMrr,
    expansionMrr,
    contractionMrr,
    newMrr,
    upgraded,
    customerChurn: ratio(customersLost, before.size),
    mrrChurn: ratio(churnedMrr, mrrStart),
    netMrrChurn: ratio(churnedMrr - expansionMrr, mrrStart),
    expansionRate: ratio(expansionMrr, mrrStart),
    upsellRatio: ratio(upgraded, kept - upgraded),
  };
}

const MIN_CUSTOMERS_FOR_CONCENTRATION = 5;

/** Share of a month's MRR that its top 20% of paying customers bring. */
export function concentrationOf(month: string, revenue: Map<string, number>, threshold: number): Concentration {
  const values = [...revenue.values()].sort((a, b) => b - a);
  const topCustomers = Math.ceil(values.length * 0.2);
  const sum = values.reduce((a, b) => a + b, 0);
  const topShare = ratio(values.slice(0, topCustomers).reduce((a, b) => a + b, 0), sum);
  // Under five customers the "top 20%" is one customer and more than a fifth of them: no signal.
  const concentrated = values.length >= MIN_CUSTOMERS_FOR_CONCENTRATION && topShare !== null && topShare >= threshold;
  return { month, customers: values.length, topCustomers, topShare, concentrated, threshold };
}

/** The last month's paying customers and MRR by plan (a customer's plan there; "(none)" when blank). */
function planMix(rows: readonly AccountMonth[], month: string): PlanMix[] {
  if (!rows.some((r) => r.plan !== undefined)) return [];
  const perCustomer = new Map<string, { plan: string; mrr: number }>();
  for (const row of rows) {
    if (row.month !== month) continue;
    const entry = perCustomer.get(row.customer) ?? { plan: row.plan ?? '(none)', mrr: 0 };
    entry.mrr += row.mrr;
    perCustomer.set(row.customer, entry);
  }
  const plans = new Map<string, PlanMix>();
  let total = 0;
  for (const { plan, mrr } of perCustomer.values()) {
    if (mrr <= 0) continue;
    const mix = plans.get(plan) ?? { plan, customers: 0, mrr: 0, share: null };
    mix.customers++;
    mix.mrr += mrr;
    total += mrr;
    plans.set(plan, mix);
  }
  return [...plans.values()].map((p) => ({ ...p, share: ratio(p.mrr, total) })).sort((a, b) => b.mrr - a.mrr);
}

export interface AccountOptions {
  /** Top-20% revenue share that counts as concentrated (default 0.8). */
  concentrationThreshold?: number;
}

/** `grid` is revenueGrid(rows), for a caller that needs it too (customerStanding) and has built it already. */
export function accountMetrics(rows: readonly AccountMonth[], options: AccountOptions = {}, grid = revenueGrid(rows)): AccountMetrics {
  const indexes = [...grid.keys()].sort((a, b) => a - b);
  const notes: string[] = [];
  const monthly: MonthFigures[] = [];
  const paidMonths = new Map<string, number>();
  const stayers: Stayers = { kept: new Set(), upgraded: new Set() };
  // The paying customers of the month before `index` in the sorted indexes: month index − 1 whenever the grid has it.
  let previous: Map<string, number> | undefined;
  for (const index of indexes) {
    const after = paying(grid.get(index));
    for (const customer of after.keys()) paidMonths.set(customer, (paidMonths.get(customer) ?? 0) + 1);
    if (previous !== undefined) {
      if (grid.has(index - 1)) monthly.push(monthFigures(monthText(index), previous, after, stayers));
      else notes.push(`accounts: ${monthText(index - 1)} has no rows, so ${monthText(index)} is not compared with it`);
    }
    previous = after;
  }
  const first = indexes[0];
  const last = indexes.at(-1);
  const upgraded = stayers.upgraded.size;
  const notUpgraded = stayers.kept.size - upgraded;
  return {
    firstMonth: first === undefined ? null : monthText(first),
    lastMonth: last === undefined ? null : monthText(last),
    customers: paidMonths.size,
    monthly,
    latest: monthly.at(-1) ?? null,
    repurchase: repurchaseRates([...paidMonths.values()].map((months) => months - 1)),
    upsell: { upgraded, notUpgraded, ratio: ratio(upgraded, notUpgraded) },
    concentration:
      last === undefined ? null : concentrationOf(monthText(last), paying(grid.get(last)), options.concentrationThreshold ?? 0.8),
    plans: last === undefined ? [] : planMix(rows, monthText(last)),
    notes,
  };
}

/**
 * Where each customer stands at the last month: retained (paying then) or churned (paid in an
 * earlier month, not at the end). Customers never paying are left out.
 */
export function customerStanding(grid: RevenueGrid): Map<string, 'retained' | 'churned'> {
  const last = Math.max(...grid.keys());
  const standing = new Map<string, 'retained' | 'churned'>();
  for (const [index, month] of grid) {
    for (const [customer, mrr] of month) {
      if (mrr <= 0) continue;
      if (index === last) standing.set(customer, 'retained');
      else if (!standing.has(customer)) standing.set(customer, 'churned');
    }
  }
  return standing;
}
