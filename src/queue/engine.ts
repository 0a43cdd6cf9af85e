import { KeyedHeap } from './heap.js';
import { OLDEST, type Policy } from './policies.js';

/** The tickets of one run, in arrival order. Times are whole seconds (epoch or any origin). */
export interface Workload {
  /** Arrival instants, ascending. Tickets with equal arrivals keep their listed order. */
  readonly arrival: Float64Array;
  /** Class code per ticket (index into CLASSES). */
  readonly cls: Uint8Array;
  /**
   * Handling seconds per ticket, or per service slot (the k-th service started takes the k-th
   * value) when the run attaches service times to slots.
   */
  readonly handle: Float64Array;
}

/** From `at` on, `agents` agents are on shift (until the next change). Nobody works before the first. */
export interface StaffingChange {
  readonly at: number;
  readonly agents: number;
}

export interface RunSettings {
  /** Horizon: nothing happens after it; tickets still waiting then are reported as such. */
  readonly end: number;
  /** Start of the measured window (end of warm-up) for utilisation. */
  readonly measureFrom: number;
  /** Headcount changes, ascending by `at`. */
  readonly staffing: readonly StaffingChange[];
  /** 'ticket' (default): a ticket brings its own handling time. 'slot': see Workload.handle. */
  readonly serviceBy?: 'ticket' | 'slot';
  /**
   * 'together' (default): every event of one second (arrivals, completions, shift changes)
   * happens before any free agent picks, so a ticket arriving as an agent frees up is a
   * candidate. 'in-order': each event is followed at once by picking (SimPy's behaviour: a
   * request that finds an agent idle takes it even if a more urgent one arrives that second).
   */
  readonly sameInstant?: 'together' | 'in-order';
  /** Record the queue every this many seconds (for --watch); off when absent. */
  readonly traceEvery?: number;
}

/** Queue length and longest wait sampled over simulated time. */
export interface RunTrace {
  readonly time: number[];
  readonly waiting: number[];
  readonly oldestWaitSeconds: number[];
}

export interface RunOutcome {
  /** Service start per ticket, NaN for tickets still waiting at the end. */
  readonly start: Float64Array;
  readonly end: number;
  /** Agent-seconds spent handling tickets within [measureFrom, end], finishing after a shift included. */
  readonly busySeconds: number;
  /** Agent-seconds worked or free on shift within [measureFrom, end]: busy plus idle on shift. */
  readonly staffedSeconds: number;
  /** Integral of the number of waiting tickets over the whole run (ticket-seconds). */
  readonly queueArea: number;
  /** Arrivals, completions and shift changes processed. */
  readonly events: number;
  readonly trace?: RunTrace;
}

const overlap = (from: number, to: number, windowFrom: number, windowTo: number): number =>
  Math.max(0, Math.min(to, windowTo) - Math.max(from, windowFrom));

interface OrderingHeap {
  readonly heap: KeyedHeap;
  readonly primary: Float64Array;
  readonly secondary: Float64Array;
}

/**
 * Discrete-event simulation of one policy: arrivals join a queue, free agents on shift pick
 * by the policy, service is never interrupted, and an agent whose shift has ended finishes the
 * ticket in hand before leaving. Deterministic: no clock, no randomness inside.
 */
export function simulate(workload: Workload, policy: Policy, settings: RunSettings): RunOutcome {
  const { arrival, cls, handle } = workload;
  const { end, measureFrom, staffing } = settings;
  const bySlot = settings.serviceBy === 'slot';
  const together = settings.sameInstant !== 'in-order';
  const n = arrival.length;
  const start = new Float64Array(n).fill(Number.NaN);

  const heaps: OrderingHeap[] = policy.orderings.map(() => {
    const primary = new Float64Array(n);
    const secondary = new Float64Array(n);
    return { heap: new KeyedHeap(primary, secondary, 1024), primary, secondary };
  });

  const maxAgents = staffing.reduce((max, change) => Math.max(max, change.agents), 0);
  const busy = new Uint8Array(maxAgents);
  const completionAt = new Float64Array(maxAgents);
  const agentOrder = Float64Array.from({ length: maxAgents }, (_, a) => a);
  const completions = new KeyedHeap(completionAt, agentOrder, maxAgents);

  let headcount = 0;
  let idleOnShift = 0;
  let waiting = 0;
  let nextArrival = 0;
  let nextChange = 0;
  let oldest = 0;
  let slot = 0;
  let events = 0;
  let queueArea = 0;
  let busySeconds = 0;
  let idleSeconds = 0;
  const firstEvent = Math.min(n > 0 ? arrival[0]! : Infinity, staffing.length > 0 ? staffing[0]!.at : Infinity);
  // With nothing to simulate the clock starts (and stays) at the end.
  let clock = Number.isFinite(firstEvent) ? firstEvent : end;

  const trace: RunTrace | undefined = settings.traceEvery ? { time: [], waiting: [], oldestWaitSeconds: [] } : undefined;
  let nextSample = clock;

  const view: { agent: number; now: number; oldestArrival: number } = { agent: 0, now: 0, oldestArrival: 0 };

  const oldestWaiting = (): number => {
    while (oldest < nextArrival && !Number.isNaN(start[oldest]!)) oldest++;
    return oldest;
  };

  const advanceTo = (t: number): void => {
    if (trace) {
      while (nextSample <= t && nextSample <= end) {
        trace.time.push(nextSample);
        trace.waiting.push(waiting);
        trace.oldestWaitSeconds.push(waiting > 0 ? nextSample - arrival[oldestWaiting()]! : 0);
        nextSample += settings.traceEvery!;
      }
    }
    queueArea += waiting * (t - clock);
    const measured = overlap(clock, t, measureFrom, end);
    // Every busy agent has exactly one completion pending.
    busySeconds += completions.size * measured;
    idleSeconds += idleOnShift * measured;
    clock = t;
  };

  const take = (ordering: number): number => {
    if (ordering === OLDEST) return oldestWaiting();
    const heap = heaps[ordering]!.heap;
    for (;;) {
      const id = heap.pop();
      // Tickets taken through another ordering are still in this heap: skip them.
      if (Number.isNaN(start[id]!)) return id;
    }
  };

  const dispatch = (now: number): void => {
    for (let agent = 0; agent < headcount && waiting > 0 && idleOnShift > 0; agent++) {
      if (busy[agent]) continue;
      view.agent = agent;
      view.now = now;
      view.oldestArrival = arrival[oldestWaiting()]!;
      const id = take(policy.choose(view));
      start[id] = now;
      waiting--;
      busy[agent] = 1;
      idleOnShift--;
      const duration = bySlot ? handle[slot++]! : handle[id]!;
      completionAt[agent] = now + duration;
      completions.push(agent);
    }
  };

  const complete = (): void => {
    const agent = completions.pop();
    busy[agent] = 0;
    if (agent < headcount) idleOnShift++;
    events++;
  };

  const changeShift = (): void => {
    headcount = staffing[nextChange++]!.agents;
    idleOnShift = 0;
    for (let agent = 0; agent < headcount; agent++) if (!busy[agent]) idleOnShift++;
    events++;
  };

  const arrive = (): void => {
    const id = nextArrival++;
    for (let o = 0; o < heaps.length; o++) {
      const { heap, primary, secondary } = heaps[o]!;
      const ordering = policy.orderings[o]!;
      primary[id] = ordering.primary(arrival[id]!, cls[id]!);
      secondary[id] = ordering.secondary(id, cls[id]!);
      heap.push(id);
    }
    waiting++;
    events++;
  };

  for (;;) {
    const nextArrivalAt = nextArrival < n ? arrival[nextArrival]! : Infinity;
    const nextCompletionAt = completions.size > 0 ? completionAt[completions.peek()]! : Infinity;
    const nextChangeAt = nextChange < staffing.length ? staffing[nextChange]!.at : Infinity;
    const t = Math.min(nextArrivalAt, nextCompletionAt, nextChangeAt);
    if (!(t <= end)) break;
    advanceTo(t);
    if (together) {
      while (completions.size > 0 && completionAt[completions.peek()]! === t) complete();
      while (nextChange < staffing.length && staffing[nextChange]!.at === t) changeShift();
      while (nextArrival < n && arrival[nextArrival]! === t) arrive();
    } else if (nextCompletionAt === t) complete();
    else if (nextChangeAt === t) changeShift();
    else arrive();
    dispatch(t);
  }
  advanceTo(Math.max(clock, end));

  return { start, end, busySeconds, staffedSeconds: busySeconds + idleSeconds, queueArea, events, ...(trace ? { trace } : {}) };
}
