// 日内优化: jobs decided one at a time are planned well for the moment of each decision, not for the day.
// After a burst (seventy tickets at 08:00, each given to whoever was best for it alone) the plans cross
// the city. `improve` moves a job not yet started to another person when the two people's plans cost
// less after the move: travel minutes, plus minutes late (weighted), plus how far the two people's work
// is from the pool's mean (weighted; the day's fairness). A move never makes the two plans later in
// total, needs the receiver to pass every hard rule (capacity included) and goes where 插单 puts it
// (engine/insertion.ts). Moves are taken best first, one at a time, until none saves `minGainMinutes`;
// a job moves at most once a call, so the answer has one move per ticket.
import { travelKm, travelMinutesBetween } from './geo';
import { insertion, startOfTrip } from './insertion';
import { personAvailable, qualifiedFor, roomFor } from './rules';
import type { DecisionContext, LatLng, Need, Person, Stop } from './types';

export interface ImproveOptions {
  /** cost of a minute late against a minute of travel */
  lateWeight: number;
  /** cost of the change of (work minutes − the pool's mean)² / 60, against a minute of travel */
  spreadWeight: number;
  /** a move must lower the cost by more than this (minutes of travel) */
  minGainMinutes: number;
  /** at most this many moves in one call */
  maxMoves: number;
  /** a job is weighed with this many qualified people, nearest first (those with room at the time) */
  nearest: number;
  /** the work minutes the spread term is weighed against; absent: the mean over `people` (a call over a
   * few people of a larger pool passes the pool's, so a move costs what it costs in the whole pool) */
  meanWorkMinutes?: number;
}

/** Weights measured on the simulator's 69 days (docs/DISPATCH-SIMULATOR.md, "日内优化"). */
export const IMPROVE: ImproveOptions = { lateWeight: 3, spreadWeight: 0.2, minGainMinutes: 1, maxMoves: 20, nearest: 8 };

export interface Move {
  ticketId: string;
  from: string;
  to: string;
  /** where it goes among the receiver's jobs not started (1-based); null: after them all */
  insertBefore: number | null;
  /** travel the move saves, both plans together (minutes and straight-line km) */
  travelSavedMinutes: number;
  kmSaved: number;
  /** minutes past their deadlines of the two plans, before and after the move */
  lateBefore: number;
  lateAfter: number;
  /** how much the move lowers the two plans' cost (travel minutes + weighted lateness and spread): > 0 better */
  costSaved: number;
}

export interface Improvement {
  moves: Move[];
  /** the jobs not started of every person a move touched, in their new order */
  stops: Map<string, Stop[]>;
}

interface Plan {
  minutes: number;
  km: number;
  late: number;
}

/** A person's plan over `stops`: after the work under way, each trip from the previous site, waiting for
 * a booked window, the time on site; minutes late summed over the stops with a deadline. */
export function planOf(p: Person, stops: readonly Stop[], ctx: DecisionContext): Plan {
  const now = ctx.now.getTime();
  let t = p.busyMinutes ?? 0;
  let at: LatLng | null = startOfTrip(p, ctx);
  const plan: Plan = { minutes: 0, km: 0, late: 0 };
  for (const s of stops) {
    if (at && s.at) {
      const km = travelKm(at, s.at);
      const trip = travelMinutesBetween(at, s.at, ctx, km);
      plan.km += km;
      plan.minutes += trip;
      t += trip;
    }
    if (s.notBefore) t = Math.max(t, (s.notBefore.getTime() - now) / 60_000);
    if (s.dueAt !== null) plan.late += Math.max(0, t - (s.dueAt.getTime() - now) / 60_000);
    t += s.durationMinutes;
    at = s.at ?? at;
  }
  return plan;
}

/** A person's work minutes as 日内优化 weighs fairness: done today (and the time on site of the jobs in
 * hand) plus the travel of the plan of the jobs not started. */
const workWith = (p: Person, plan: Plan) => p.workMinutesToday + plan.minutes;

/** The mean of workWith over `people` with their plans as they are: what `improve` weighs the spread against. */
export function meanWork(people: readonly Person[], ctx: DecisionContext): number {
  let sum = 0;
  for (const p of people) sum += workWith(p, planOf(p, p.stops ?? [], ctx));
  return sum / Math.max(1, people.length);
}

interface Working {
  p: Person;
  stops: Stop[];
  plan: Plan;
  available: boolean;
}

/** A job that may move: who holds it, who could take it (fixed for the call), its best move now. */
interface Job {
  stop: Stop;
  need: Need;
  holder: Working;
  takers: Working[];
  best: Candidate | null;
}

interface Candidate {
  gain: number;
  to: Working;
  stopsA: Stop[];
  stopsB: Stop[];
  planA: Plan;
  planB: Plan;
  index: number;
}

/**
 * Moves among `people`'s jobs not started (Person.stops) that lower the plans' cost (see the file's
 * head). `movable` gives the need of a stop that may move (null: pinned to its holder — a booked visit,
 * a supervisor's override). The people are not changed; the answer has the moves in the order taken
 * and the new stops of everyone they touched.
 *
 * Each job's takers (the `nearest` people qualified for it, nearest first) and the pool's mean work
 * are fixed at the start of the call; after a move only the jobs held by, or offered to, the two people
 * it touched are weighed again — so a call over a thousand people costs one pass over the pool, not one
 * per move (`npm run bench -- dispatch`, measure improve_pool).
 */
export function improve(people: readonly Person[], movable: (stop: Stop, holder: Person) => Need | null, ctx: DecisionContext, o: ImproveOptions = IMPROVE): Improvement {
  const ws: Working[] = people.map((p) => ({ p: { ...p, load: { ...p.load }, ...(p.takenToday ? { takenToday: { ...p.takenToday } } : {}) }, stops: [...(p.stops ?? [])], plan: planOf(p, p.stops ?? [], ctx), available: personAvailable(p, ctx) }));
  const cost = (pl: Plan) => pl.minutes + o.lateWeight * pl.late;
  const work = (w: Working, pl: Plan) => workWith(w.p, pl);
  // the plans are at hand: the same mean as meanWork without planning everyone again
  const mean = o.meanWorkMinutes ?? ws.reduce((sum, w) => sum + work(w, w.plan), 0) / Math.max(1, ws.length);
  const spread = (before: number, after: number) => (o.spreadWeight * ((after - mean) ** 2 - (before - mean) ** 2)) / 60;

  const evaluate = (job: Job): Candidate | null => {
    const a = job.holder;
    const s = job.stop;
    const stopsA = a.stops.filter((x) => x !== s);
    const planA = planOf(a.p, stopsA, ctx);
    let best: Candidate | null = null;
    for (const b of job.takers) {
      if (b === a || roomFor(b.p, job.need.kind) <= 0) continue;
      const ins = insertion({ ...b.p, stops: b.stops }, job.need, ctx);
      const stopsB = [...b.stops.slice(0, ins.index), s, ...b.stops.slice(ins.index)];
      const planB = planOf(b.p, stopsB, ctx);
      if (planA.late + planB.late > a.plan.late + b.plan.late + 1e-6) continue;
      const delta =
        cost(planA) - cost(a.plan) + cost(planB) - cost(b.plan) +
        spread(work(a, a.plan), work(a, planA) - s.durationMinutes) +
        spread(work(b, b.plan), work(b, planB) + s.durationMinutes);
      if (-delta > o.minGainMinutes && (best === null || -delta > best.gain)) best = { gain: -delta, to: b, stopsA, stopsB, planA, planB, index: ins.index };
    }
    return best;
  };

  // who each job's best move depends on: its holder and its takers
  const watching = new Map<Working, Set<Job>>();
  const watch = (job: Job, on: boolean) => {
    for (const w of [job.holder, ...job.takers]) {
      const set = watching.get(w) ?? new Set<Job>();
      if (on) set.add(job);
      else set.delete(job);
      watching.set(w, set);
    }
  };
  const jobs: Job[] = [];
  for (const a of ws)
    for (const stop of a.stops) {
      const need = movable(stop, a.p);
      if (!need) continue;
      const job: Job = { stop, need, holder: a, takers: nearestTakers(ws, a, need, stop, ctx, o.nearest), best: null };
      job.best = evaluate(job);
      watch(job, true);
      jobs.push(job);
    }

  const moves: Move[] = [];
  const touched = new Set<Working>();
  for (let round = 0; round < o.maxMoves; round++) {
    let job: Job | null = null;
    for (const j of jobs) if (j.best && (job === null || j.best.gain > job.best!.gain)) job = j;
    if (!job) break;
    const m = job.best!;
    const a = job.holder;
    const b = m.to;
    moves.push({
      ticketId: job.stop.ticketId,
      from: a.p.id,
      to: b.p.id,
      insertBefore: m.index < b.stops.length ? m.index + 1 : null,
      travelSavedMinutes: a.plan.minutes + b.plan.minutes - m.planA.minutes - m.planB.minutes,
      kmSaved: a.plan.km + b.plan.km - m.planA.km - m.planB.km,
      lateBefore: a.plan.late + b.plan.late,
      lateAfter: m.planA.late + m.planB.late,
      costSaved: m.gain,
    });
    a.stops = m.stopsA;
    b.stops = m.stopsB;
    a.plan = m.planA;
    b.plan = m.planB;
    a.p.load[job.need.kind] = Math.max(0, (a.p.load[job.need.kind] ?? 0) - 1);
    b.p.load[job.need.kind] = (b.p.load[job.need.kind] ?? 0) + 1;
    if (a.p.takenToday) a.p.takenToday[job.need.kind] = Math.max(0, (a.p.takenToday[job.need.kind] ?? 0) - 1);
    if (b.p.takenToday) b.p.takenToday[job.need.kind] = (b.p.takenToday[job.need.kind] ?? 0) + 1;
    a.p.workMinutesToday -= job.stop.durationMinutes;
    b.p.workMinutesToday += job.stop.durationMinutes;
    touched.add(a).add(b);
    // a job moves once a call (one move per ticket to make or skip); every job that depends on a or b is
    // weighed again
    watch(job, false);
    jobs.splice(jobs.indexOf(job), 1);
    for (const j of new Set([...(watching.get(a) ?? []), ...(watching.get(b) ?? [])])) j.best = evaluate(j);
  }
  return { moves, stops: new Map([...touched].map((w) => [w.p.id, w.stops])) };
}

/** The `n` people nearest the stop's site (from where each starts work after what they do now) who may
 * take it by every rule but room: whether they have room is asked at each weighing, as moves free some. */
function nearestTakers(ws: readonly Working[], holder: Working, need: Need, s: Stop, ctx: DecisionContext, n: number): Working[] {
  const near: { w: Working; km: number }[] = [];
  for (const w of ws) {
    if (w === holder || !w.available || (w.p.capacity[need.kind] ?? 0) === 0 || !qualifiedFor(w.p, need, ctx)) continue;
    const from = startOfTrip(w.p, ctx);
    near.push({ w, km: from && s.at ? travelKm(from, s.at) : 0 });
  }
  near.sort((x, y) => x.km - y.km);
  return near.slice(0, n).map((x) => x.w);
}
