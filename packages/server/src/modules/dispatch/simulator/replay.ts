// Replays a scenario's day in simulated time (a discrete-event simulation) against one strategy. Every
// decision goes through the engine the server uses (choose, matchBatch); the simulator only moves
// people, keeps the queue and measures. The wall clock is read only to time the engine's decisions.
import { performance } from 'node:perf_hooks';
import { certificationValid, choose, exclusions, holdUntil, improve, insertion, matchBatch, nearestOutlet, pickFromQueue, travelKm } from '../engine';
import type { DecisionContext, Need, Outlet, Person, Strategy, Weights } from '../engine/types';
import { EventHeap } from './event-heap';
import { draw, fixProbability, historyOf, queueOrder, toNeed, toPerson, type EngineerState, type TicketState, type Visit } from './live-state';
import { addDays, isoWeekday, localParts, zonedInstant } from './local-time';
import { ScenarioError, type Scenario } from './scenario';

export const SIM_STRATEGIES = ['round_robin', 'nearest', 'least_loaded', 'skills', 'scored', 'batch', 'outlet'] as const;
export type SimStrategy = (typeof SIM_STRATEGIES)[number];
/** Strategies whose queue is served by pickFromQueue, that hold a ticket for a nearer person (engine
 * holdUntil) and put a new job among an engineer's jobs not started (engine insertion, 插单): the
 * score-based modes, as the server's dispatch. The others work through their jobs in the order given. */
const SCORE_QUEUE: ReadonlySet<SimStrategy> = new Set(['scored', 'batch']);

export interface ReplayOptions {
  strategy: SimStrategy;
  weights: Weights;
  /** batch: arrivals are collected for this long, then matched together */
  batchWindowS: number;
  /** sees each batch window's engine call (tests check its optimality) */
  onBatch?: (call: { needs: Need[]; people: Person[]; ctx: DecisionContext; result: ReturnType<typeof matchBatch> }) => void;
  /** sees every assignment: how it came (a new visit, a queue drain, a batch window), the pool it was
   * chosen from (diagnostics; `simulator/diagnose.ts`) */
  onAssign?: (a: { visit: Visit; personId: string; now: number; via: AssignVia; people: Person[]; ctx: DecisionContext }) => void;
  /** 日内优化 (scored and batch): every this many minutes at most — once the events of an instant are
   * done — jobs not started move between engineers when engine `improve` finds it better; absent: off */
  improveEveryMin?: number;
  /** sees every trip as it starts */
  onTrip?: (t: { visit: Visit; personId: string; km: number; now: number }) => void;
}

/** How an assignment came: a visit dispatched when asked for, one taken from the queue, or a batch window. */
export type AssignVia = 'arrival' | 'queue' | 'window';

export interface ReplayRecord {
  tickets: TicketState[];
  /** km of every visit's trip */
  tripsKm: number[];
  /** travel + service minutes per engineer */
  workMin: number[];
  violations: number;
  reassignments: number;
  latenciesMs: number[];
  /** visits still waiting when the simulation ends */
  unassigned: number;
  /** jobs moved between engineers by 日内优化 */
  moves: number;
}

type Event =
  | { at: number; order: number; kind: 'free' | 'onsite'; s: EngineerState }
  | { at: number; order: number; kind: 'shift'; s: EngineerState }
  | { at: number; order: number; kind: 'arrival'; ticket: TicketState }
  | { at: number; order: number; kind: 'window' }
  | { at: number; order: number; kind: 'hold'; visit: Visit }
  | { at: number; order: number; kind: 'improve' };

const MIN = 60_000;

export function replay(scenario: Scenario, opts: ReplayOptions): ReplayRecord {
  if (opts.strategy === 'outlet' && !scenario.outlets?.length) throw new ScenarioError(['outlets: the outlet strategy needs the scenario\'s outlets (and engineers[].outlet)']);
  const outlets: Outlet[] = (scenario.outlets ?? []).map((o) => ({ id: o.id, name: o.name ?? o.id, at: o.at }));
  const ctxAt = (now: number): DecisionContext => ({ now: new Date(now), timeZone: scenario.timeZone, speedKmh: scenario.speedKmh, positionStaleMs: 5 * MIN });
  const median = medianDurations(scenario);
  const engineers: EngineerState[] = scenario.engineers.map((e) => ({ e, pos: e.home, leg: null, jobs: [], busy: false, workDoneMin: 0, legMin: 0, jobEnd: 0, history: historyOf(e, median), given: { day: '', n: 0 } }));
  const tickets: TicketState[] = scenario.tickets.map((t) => ({ t, arrival: Date.parse(t.arrival), failedBy: [], firstAssignedAt: null, firstOnSiteAt: null, firstPersonFixed: null }));
  const rec: ReplayRecord = { tickets, tripsKm: [], workMin: [], violations: 0, reassignments: 0, latenciesMs: [], unassigned: 0, moves: 0 };
  const events = new EventHeap<Event>();
  const queue: Visit[] = [];
  const lastAssignedAt: Record<string, number> = {};
  let window: Visit[] | null = null;

  for (const ticket of tickets) events.push({ at: ticket.arrival, order: 3, kind: 'arrival', ticket });
  for (const s of engineers) for (const at of shiftStarts(s, scenario, tickets)) events.push({ at, order: 1, kind: 'shift', s });

  const plan = SCORE_QUEUE.has(opts.strategy);
  const dayOf = (now: number) => localParts(now, scenario.timeZone).date;
  const personOf = (s: EngineerState, now: number) => toPerson(s, now, scenario.speedKmh, plan, dayOf(now));
  /** 每日上限: one more (or one fewer: a job moved away) visit given to `s` on the day of `now` */
  const countGiven = (s: EngineerState, now: number, by: 1 | -1) => {
    const day = dayOf(now);
    if (s.given.day !== day) s.given = { day, n: 0 };
    s.given.n = Math.max(0, s.given.n + by);
  };
  const people = (now: number) => engineers.map((s) => personOf(s, now));
  const timed = <T>(f: () => T): T => {
    const t0 = performance.now();
    const out = f();
    rec.latenciesMs.push(performance.now() - t0);
    return out;
  };

  /** Records the assignment after re-checking it against the hard rules at the decision's instant. */
  const assign = (s: EngineerState, visit: Visit, now: number, via: AssignVia, pool: Person[]) => {
    if (!allowed(personOf(s, now), visit, ctxAt(now), scenario)) rec.violations++;
    opts.onAssign?.({ visit, personId: s.e.id, now, via, people: pool, ctx: ctxAt(now) });
    lastAssignedAt[s.e.id] = now;
    countGiven(s, now, 1);
    if (visit.number === 1) visit.ticket.firstAssignedAt = now;
    // at the engine's place in the jobs not started (插单), after the visit under way; else at the end
    const place = plan && s.busy ? 1 + insertion(personOf(s, now), visit.need, ctxAt(now)).index : s.jobs.length;
    s.jobs.splice(place, 0, visit);
    if (!s.busy) startNext(s, now);
  };
  const startNext = (s: EngineerState, now: number) => {
    const visit = s.jobs[0];
    if (!visit) return void (s.busy = false);
    s.busy = true;
    const from = s.pos;
    const km = travelKm(from, visit.ticket.t.location);
    rec.tripsKm.push(km);
    opts.onTrip?.({ visit, personId: s.e.id, km, now });
    s.legMin = (km / scenario.speedKmh) * 60;
    s.leg = { from, to: visit.ticket.t.location, start: now, end: now + s.legMin * MIN };
    s.jobEnd = s.leg.end + visit.ticket.t.durationMinutes * MIN;
    events.push({ at: s.leg.end, order: 2, kind: 'onsite', s });
  };
  const byId = new Map(engineers.map((s) => [s.e.id, s]));
  /** Visits held for a nearer person, and when their hold ends (an event then decides them again). */
  const heldUntil = new Map<Visit, number>();
  /** true: the visit waits for a nearer person rather than go to `personId` now (engine holdUntil). */
  const held = (visit: Visit, personId: string, pool: Person[], ctx: DecisionContext): boolean => {
    if (!SCORE_QUEUE.has(opts.strategy)) return false;
    const until = holdUntil(pool.find((p) => p.id === personId)!, visit.need, pool, ctx)?.getTime();
    if (until === undefined) return void heldUntil.delete(visit), false;
    if (heldUntil.get(visit) !== until) events.push({ at: until, order: 5, kind: 'hold', visit });
    heldUntil.set(visit, until);
    return true;
  };
  /** One visit through the strategy: someone eligible now (unless it is held), else the queue. */
  const decide = (visit: Visit, now: number, via: AssignVia): boolean => {
    const ctx = ctxAt(now);
    const pool = people(now);
    const id =
      opts.strategy === 'batch'
        ? (timed(() => matchBatch([visit.need], pool, ctx, opts.weights)).assignments[0]?.personId ?? null)
        : opts.strategy === 'outlet'
          ? (timed(() => nearestOutlet(visit.need, outlets, pool, ctx, opts.weights))?.personId ?? null)
          : timed(() => choose(opts.strategy as Strategy, pool, visit.need, ctx, opts.weights, lastAssignedAt)).personId;
    if (id === null || held(visit, id, pool, ctx)) return false;
    assign(byId.get(id)!, visit, now, via, pool);
    return true;
  };
  const enqueue = (visit: Visit) => {
    let i = queue.length;
    while (i > 0 && queueOrder(visit, queue[i - 1]) < 0) i--;
    queue.splice(i, 0, visit);
  };
  /** `s` can take more (freed capacity or came on shift): the queue, most urgent then oldest, it may take
   * (a visit still held for someone nearer is put back and the next one looked at). */
  const drain = (s: EngineerState, now: number) => {
    const ctx = ctxAt(now);
    const stillHeld: Visit[] = [];
    while (queue.length > 0 && s.jobs.length < s.e.capacity) {
      const me = personOf(s, now);
      const i = SCORE_QUEUE.has(opts.strategy)
        ? pickFromQueue(me, queue.map((v) => v.need), people(now), ctx, opts.weights)
        : queue.findIndex((v) => exclusions(me, v.need, ctx).length === 0);
      if (i < 0) break;
      const [visit] = queue.splice(i, 1);
      if (decide(visit, now, 'queue')) continue;
      stillHeld.push(visit);
      if (!heldUntil.has(visit)) break;
    }
    for (const v of stillHeld) enqueue(v);
  };
  const dispatch = (visit: Visit, now: number) => {
    if (opts.strategy !== 'batch') return void (decide(visit, now, 'arrival') || enqueue(visit));
    if (!window) {
      window = [];
      events.push({ at: now + opts.batchWindowS * 1000, order: 4, kind: 'window' });
    }
    window.push(visit);
  };
  const closeWindow = (now: number) => {
    const batch = window ?? [];
    window = null;
    const ctx = ctxAt(now);
    const needs = batch.map((v) => v.need);
    const pool = people(now);
    const result = timed(() => matchBatch(needs, pool, ctx, opts.weights));
    opts.onBatch?.({ needs, people: pool, ctx, result });
    const visits = new Map(batch.map((v) => [v.ticket.t.id, v]));
    for (const a of result.assignments) {
      if (held(visits.get(a.ticketId)!, a.personId, pool, ctx)) continue;
      assign(byId.get(a.personId)!, visits.get(a.ticketId)!, now, 'window', pool);
      visits.delete(a.ticketId);
    }
    for (const v of visits.values()) enqueue(v);
  };
  const finish = (s: EngineerState, now: number) => {
    const visit = s.jobs.shift()!;
    const ticket = visit.ticket;
    s.workDoneMin += s.legMin + ticket.t.durationMinutes;
    s.leg = null;
    const fixed = draw(`${ticket.t.id}#${visit.number}#${s.e.id}`) < fixProbability(s.e, ticket.t.skill);
    if (visit.number === 1) ticket.firstPersonFixed = fixed;
    startNext(s, now);
    if (!fixed) {
      rec.reassignments++;
      ticket.failedBy.push(s.e.id);
      dispatch({ ticket, number: visit.number + 1, since: now, need: toNeed(ticket, now) }, now);
    }
    drain(s, now);
  };

  /** 日内优化: the engine's moves applied — each moved visit re-checked against the rules at the move,
   * the two engineers' jobs not started in the engine's new order; whoever lost a job may take more. */
  const improveNow = (now: number) => {
    const ctx = ctxAt(now);
    const pool = people(now);
    const visits = new Map<string, Visit>();
    for (const s of engineers) for (const v of s.jobs.slice(s.busy ? 1 : 0)) visits.set(v.ticket.t.id, v);
    // not a decision: not in the decision latencies
    const result = improve(pool, (stop) => visits.get(stop.ticketId)?.need ?? null, ctx);
    for (const m of result.moves) {
      const to = byId.get(m.to)!;
      if (!allowed(personOf(to, now), visits.get(m.ticketId)!, ctx, scenario)) rec.violations++;
      const from = byId.get(m.from)!;
      from.jobs = from.jobs.filter((v) => v.ticket.t.id !== m.ticketId);
      countGiven(from, now, -1);
      countGiven(to, now, 1);
      to.jobs.push(visits.get(m.ticketId)!);
    }
    for (const [id, stops] of result.stops) {
      const s = byId.get(id)!;
      s.jobs = [...(s.busy ? [s.jobs[0]] : []), ...stops.map((st) => visits.get(st.ticketId)!)];
      if (!s.busy) startNext(s, now);
    }
    rec.moves += result.moves.length;
    for (const id of new Set(result.moves.map((m) => m.from))) drain(byId.get(id)!, now);
  };
  const improving = plan && opts.improveEveryMin !== undefined;
  let improveAt: number | null = null;
  let improvedAt = Number.NEGATIVE_INFINITY;

  for (let ev = events.pop(); ev; ev = events.pop()) {
    const now = ev.at;
    if (ev.kind === 'improve') {
      improveAt = null;
      improvedAt = now;
      improveNow(now);
      continue;
    }
    if (improving && improveAt === null) {
      improveAt = Math.max(now, improvedAt + opts.improveEveryMin! * MIN);
      events.push({ at: improveAt, order: 9, kind: 'improve' });
    }
    if (ev.kind === 'arrival') dispatch({ ticket: ev.ticket, number: 1, since: now, need: toNeed(ev.ticket, now) }, now);
    else if (ev.kind === 'window') closeWindow(now);
    else if (ev.kind === 'hold') {
      // the hold ended: decided again now (held again only if its best person and slack changed)
      const i = queue.indexOf(ev.visit);
      if (i < 0 || heldUntil.get(ev.visit) !== now) continue;
      queue.splice(i, 1);
      heldUntil.delete(ev.visit);
      if (!decide(ev.visit, now, 'queue')) enqueue(ev.visit);
    }
    else if (ev.kind === 'shift') drain(ev.s, now);
    else if (ev.kind === 'onsite') {
      const s = ev.s;
      const visit = s.jobs[0];
      s.pos = visit.ticket.t.location;
      if (visit.number === 1) visit.ticket.firstOnSiteAt = now;
      events.push({ at: now + visit.ticket.t.durationMinutes * MIN, order: 0, kind: 'free', s });
    } else finish(ev.s, now);
  }
  rec.workMin = engineers.map((s) => s.workDoneMin);
  rec.unassigned = queue.length;
  return rec;
}

/**
 * The engine's rules at the decision's instant (exclusions), plus the scenario's own facts checked
 * directly — skill level, certification valid on the day, capacity — so a rule the engine got wrong
 * would show here too.
 */
function allowed(p: Person, visit: Visit, ctx: DecisionContext, scenario: Scenario): boolean {
  if (exclusions(p, visit.need, ctx).length > 0) return false;
  const t = visit.ticket.t;
  if ((p.skills[t.skill] ?? 0) < t.level) return false;
  if (p.load.field >= p.capacity.field) return false;
  if (p.dailyLimit?.field !== undefined && (p.takenToday?.field ?? 0) >= p.dailyLimit.field) return false;
  if (visit.need.excludedUserIds.includes(p.id)) return false;
  if (t.certification) {
    const day = localParts(ctx.now.getTime(), scenario.timeZone).date;
    if (!p.certifications.some((c) => c.name === t.certification && certificationValid(c.expires, day))) return false;
  }
  return true;
}

/** Instants the engineer's shift starts, from the day before the first arrival to the day after the last. */
function shiftStarts(s: EngineerState, scenario: Scenario, tickets: TicketState[]): number[] {
  if (tickets.length === 0) return [];
  const times = tickets.map((t) => t.arrival);
  const first = localParts(Math.min(...times), scenario.timeZone).date;
  const last = localParts(Math.max(...times), scenario.timeZone).date;
  const out: number[] = [];
  for (let d = addDays(first, -1); d <= addDays(last, 1); d = addDays(d, 1)) {
    if (!s.e.shift.days || s.e.shift.days.includes(isoWeekday(d))) out.push(zonedInstant(d, s.e.shift.start, scenario.timeZone));
  }
  return out;
}

/** Median service minutes per skill: the "historical speed" every engineer shares (speed term neutral). */
function medianDurations(scenario: Scenario): Record<string, number> {
  const by = new Map<string, number[]>();
  for (const t of scenario.tickets) {
    const list = by.get(t.skill) ?? [];
    list.push(t.durationMinutes);
    by.set(t.skill, list);
  }
  return Object.fromEntries([...by].map(([k, v]) => [k, v.sort((a, b) => a - b)[Math.floor(v.length / 2)]]));
}
