/**
 * Hire-ahead arithmetic: a person hired in week w answers customers alone from week
 * w + lead time + ramp, so a need first felt in week k must be opened by week k − lead − ramp.
 */
export interface HiringInput {
  /** Day number of each plan week's Monday, ascending, with that week's required FTE. */
  weeks: { weekStart: number; fteRequired: number }[];
  fteCurrent: number;
  leadWeeks: number;
  rampWeeks: number;
  /** Share of new hires who leave during ramp-up (0 when not modelled). */
  earlyAttrition: number;
  /** Agents per team lead. */
  span: number;
  /** First day of the plan: a hire-by date before it is already late. */
  today: number;
}

export interface HiringWeek {
  weekStart: number;
  gap: number;
  /** When the gap is positive: the day hiring for it must start. */
  hireBy: number | null;
  leadsRequired: number;
}

export interface Hire {
  /** The n-th FTE above today's team. */
  seat: number;
  neededFrom: number;
  hireBy: number;
  late: boolean;
}

export interface HiringPlan {
  weeks: HiringWeek[];
  hires: Hire[];
  /** Offers to make so that `hires.length` people remain after early attrition. */
  offers: number;
}

export function planHiring(input: HiringInput): HiringPlan {
  const aheadDays = 7 * (input.leadWeeks + input.rampWeeks);
  const weeks = input.weeks.map(({ weekStart, fteRequired }) => {
    const gap = fteRequired - input.fteCurrent;
    return {
      weekStart,
      gap,
      hireBy: gap > 0 ? weekStart - aheadDays : null,
      leadsRequired: Math.ceil(fteRequired / input.span - 1e-9),
    };
  });
  const hires: Hire[] = [];
  const peakGap = Math.max(0, ...weeks.map((w) => w.gap));
  for (let seat = 1; seat <= Math.ceil(peakGap - 1e-9); seat++) {
    // The seat is needed from the first week whose requirement exceeds the team plus the seats before it.
    const first = weeks.find((w) => w.gap > seat - 1)!;
    const hireBy = first.weekStart - aheadDays;
    hires.push({ seat, neededFrom: first.weekStart, hireBy, late: hireBy < input.today });
  }
  return { weeks, hires, offers: Math.ceil(hires.length / (1 - input.earlyAttrition) - 1e-9) };
}
