import { describe, expect, it } from 'vitest';
import { planHiring } from '../../src/staffing/hiring.js';

/** Twelve plan weeks from day 1000 (a Monday is not needed for the arithmetic). */
const weeks = (need: (week: number) => number) =>
  Array.from({ length: 12 }, (_, i) => ({ weekStart: 1000 + 7 * i, fteRequired: need(i + 1) }));
const base = { fteCurrent: 5, leadWeeks: 4, rampWeeks: 3, earlyAttrition: 0, span: 8, today: 1000 };

describe('planHiring', () => {
  it('need crossing the team in week 9 with 4 weeks lead + 3 weeks ramp means hiring by week 2', () => {
    const plan = planHiring({ ...base, weeks: weeks((w) => (w >= 9 ? 6.5 : 5)) });
    const week2 = 1000 + 7;
    expect(plan.weeks.slice(0, 8).every((w) => w.hireBy === null)).toBe(true);
    expect(plan.weeks[8]).toMatchObject({ gap: 1.5, hireBy: week2 });
    // 1.5 FTE short: two seats, both needed from week 9.
    expect(plan.hires).toEqual([
      { seat: 1, neededFrom: 1000 + 56, hireBy: week2, late: false },
      { seat: 2, neededFrom: 1000 + 56, hireBy: week2, late: false },
    ]);
    expect(plan.offers).toBe(2);
  });

  it('staggers seats by the week each is first needed and flags dates already past', () => {
    const plan = planHiring({ ...base, weeks: weeks((w) => 5 + Math.max(0, w - 6) * 0.5) });
    // Week 7 needs 5.5 (seat 1), week 9 needs 6.5 (seat 2), week 11 needs 7.5 (seat 3).
    expect(plan.hires.map((h) => (h.neededFrom - 1000) / 7 + 1)).toEqual([7, 9, 11]);
    expect(plan.hires.map((h) => (h.hireBy - 1000) / 7 + 1)).toEqual([0, 2, 4]);
    expect(plan.hires.map((h) => h.late)).toEqual([true, false, false]);
  });

  it('adds offers for early attrition and counts leads at the span of control', () => {
    const plan = planHiring({ ...base, earlyAttrition: 0.2, span: 8, weeks: weeks(() => 9) });
    expect(plan.hires).toHaveLength(4);
    expect(plan.offers).toBe(5); // 4 ÷ 0.8
    expect(plan.weeks[0]!.leadsRequired).toBe(2); // 9 agents at 8 per lead
    expect(planHiring({ ...base, span: 15, weeks: weeks(() => 15) }).weeks[0]!.leadsRequired).toBe(1);
  });
});
