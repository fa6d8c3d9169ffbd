// Where a new job goes in a person's list of jobs not yet started (插单): the engine does not only
// append. It tries every place in the list — right after the job under way, between two jobs, at the
// end — and takes the one that adds the least travel while the new job and every job already on time
// stay on time; when no place keeps them all on time, the place with the most slack left. A tight
// ticket thus goes before day-long jobs instead of behind them, and a job on the way is done on the
// way. The score's travel and deadline terms, the hold and the simulator's order of work all use it.
import { personPosition, travelKm, travelMinutesBetween } from './geo';
import type { DecisionContext, LatLng, Need, Person, Stop } from './types';

export interface Insertion {
  /** place in person.stops (0: right after the work under way; stops.length: at the end) */
  index: number;
  /** the trip to the new site: from the job before it (or from where the person is or will be free) */
  km: number | null;
  /** its minutes */
  tripMinutes: number | null;
  /** travel minutes the new job adds to the person's day: to the site and on to the next job, less the
   * direct trip it replaces (= the trip to the site when appended) */
  travelMinutes: number | null;
  /** minutes from now until the person reaches the site */
  arrivalMinutes: number;
  /** the least slack left, in minutes, of the new job (to need.dueAt) and of the jobs it delays that
   * were on time; null when none of them has a deadline */
  slackMinutes: number | null;
}

/** A job as a stop of the person who takes it (it goes into Person.stops). */
export function stopOf(need: Need): Stop {
  return { ticketId: need.ticketId, at: need.location, durationMinutes: need.durationMinutes, dueAt: need.dueAt, notBefore: need.notBefore ?? null };
}

/** Where the person starts work after what they do now: where they will be free, else where they are. */
export function startOfTrip(p: Person, ctx: DecisionContext): LatLng | null {
  return p.freeAt ?? personPosition(p, ctx);
}

const minutesBetween = (a: LatLng | null, b: LatLng | null, ctx: DecisionContext): number => (a && b ? travelMinutesBetween(a, b, ctx) : 0);

/**
 * The best place for `need` in the person's stops (see the file's head). Without stops it is the end of
 * the work in hand: arrival = busyMinutes + the trip from where the person will be free.
 */
export function insertion(p: Person, need: Need, ctx: DecisionContext): Insertion {
  const stops = p.stops ?? [];
  const now = ctx.now.getTime();
  const to = need.location;
  const start = startOfTrip(p, ctx);
  const dueIn = need.dueAt === null ? null : (need.dueAt.getTime() - now) / 60_000;
  // the current plan: where the work before place i ends, when it is done, and each stop's slack
  const n = stops.length;
  const from: (LatLng | null)[] = [start];
  const doneAt = new Float64Array(n + 1); // minutes from now
  const slack = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  doneAt[0] = p.busyMinutes ?? 0;
  // a booked visit's window start, in minutes from now (-∞: none); work waits for it
  const opens = (d: Date | null | undefined) => (d ? (d.getTime() - now) / 60_000 : Number.NEGATIVE_INFINITY);
  const windows = opens(need.notBefore) > 0 || stops.some((s) => opens(s.notBefore) > 0);
  for (let i = 0; i < n; i++) {
    const s = stops[i];
    const arrive = Math.max(doneAt[i] + minutesBetween(from[i], s.at, ctx), opens(s.notBefore));
    if (s.dueAt !== null) slack[i] = (s.dueAt.getTime() - now) / 60_000 - arrive;
    doneAt[i + 1] = arrive + s.durationMinutes;
    from.push(s.at ?? from[i]);
  }
  // least slack, over the stops from i on, of those on time now (the ones an insertion could make late)
  const onTimeSlack = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  for (let i = n - 1; i >= 0; i--) onTimeSlack[i] = Math.min(onTimeSlack[i + 1], slack[i] >= 0 ? slack[i] : Number.POSITIVE_INFINITY);

  /** With booked windows (waits absorb part of a delay): the least slack left, walking the stops from i
   * on after the new job, of those on time now. */
  const delayedSlack = (i: number, arrival: number): number => {
    let t = arrival + need.durationMinutes;
    let at = to ?? from[i];
    let least = Number.POSITIVE_INFINITY;
    for (let j = i; j < n; j++) {
      const s = stops[j];
      const arrive = Math.max(t + minutesBetween(at, s.at, ctx), opens(s.notBefore));
      if (slack[j] >= 0 && s.dueAt !== null) least = Math.min(least, (s.dueAt.getTime() - now) / 60_000 - arrive);
      t = arrive + s.durationMinutes;
      at = s.at ?? at;
    }
    return least;
  };
  let best: Insertion | null = null;
  let bestFeasible = false;
  for (let i = n; i >= 0; i--) {
    const before = from[i];
    const after = i < n ? stops[i].at : null;
    const km = before && to ? travelKm(before, to) : null;
    const trip = before && to ? travelMinutesBetween(before, to, ctx, km ?? undefined) : 0;
    const detour = !to ? 0 : after ? trip + minutesBetween(to, after, ctx) - minutesBetween(before, after, ctx) : trip;
    const arrival = Math.max(doneAt[i] + trip, opens(need.notBefore));
    const own = dueIn === null ? Number.POSITIVE_INFINITY : dueIn - arrival;
    const delayed = windows ? delayedSlack(i, arrival) : onTimeSlack[i] - (detour + need.durationMinutes);
    const least = Math.min(own, delayed);
    const feasible = own >= 0 && delayed >= 0;
    const cand: Insertion = { index: i, km: to ? km : null, tripMinutes: to && before ? trip : null, travelMinutes: to && before ? detour : null, arrivalMinutes: arrival, slackMinutes: Number.isFinite(least) ? least : null };
    // appending is tried first and kept on ties: a job moves ahead only when that saves travel or time
    if (best === null) best = cand, bestFeasible = feasible;
    else if (feasible && (!bestFeasible || detour < (best.travelMinutes ?? 0) - 1e-9)) best = cand, bestFeasible = true;
    else if (!feasible && !bestFeasible && least > (best.slackMinutes ?? Number.POSITIVE_INFINITY) + 1e-9) best = cand;
  }
  return best!;
}
