// Each person's on-site work in hand as the engine plans with it (插单, engine/insertion.ts): the visit
// under way ends at its site (freeAt), and the visits not started are stops, earliest deadline first
// and then the oldest offer — the order the engine assumes when it tries a new job between them. The
// order an engineer actually visits in is routing's day plan, which keeps the same deadlines where it can.
import type { Queryable } from '../../../platform/db/database';
import { runningSlaFacts } from '../../sla';
import { ticketSites } from '../../tickets';
import type { LatLng, Stop } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { WORK_MINUTES } from './dispatch-rules';
import { deadlineOf } from './deadline-of';

export interface FieldWork {
  /** the site of the visit under way (the latest started), null when none or it has no site */
  freeAt: LatLng | null;
  stops: Stop[];
  /** the visits under way, with the minutes left of each: expected minutes on site less the time since
   * check-in (at least OVERRUN_MINUTES: a visit running over still holds the engineer); not checked in yet,
   * the whole of it */
  underWay: { ticketId: string; minutes: number }[];
}

/** What a visit that has run past its expected time is still counted. */
export const OVERRUN_MINUTES = 10;

/** Minutes left at `now` of a visit under way expected to take `expected` minutes on site. */
export function minutesLeft(onSiteAt: Date | null, now: Date, expected: number = WORK_MINUTES.field): number {
  if (!onSiteAt) return expected;
  return Math.max(OVERRUN_MINUTES, expected - (now.getTime() - onSiteAt.getTime()) / 60_000);
}

/** A stop's deadline in epoch ms; none sorts last. */
const dueMs = (s: Stop) => s.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;

/** Stops in the engine's assumed order: earliest deadline first (none last), then the oldest offer. */
export function stopOrder(a: Stop & { offeredAt: number }, b: Stop & { offeredAt: number }): number {
  return dueMs(a) - dueMs(b) || a.offeredAt - b.offeredAt || (a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0);
}

/** A new stop among stops in that order: after those due no later (the newest offer last among equals). */
export function addStop(stops: Stop[], stop: Stop): Stop[] {
  let i = stops.length;
  while (i > 0 && dueMs(stops[i - 1]) > dueMs(stop)) i--;
  return [...stops.slice(0, i), stop, ...stops.slice(i)];
}

/** personId → their on-site work in hand at `now` (people without any are absent); visits booked to start
 * at `dayEnd` or later are not today's work. */
export async function fieldWorkInHand(q: Queryable, now: Date, dayEnd: Date): Promise<Map<string, FieldWork>> {
  const live = await assignmentRepository.liveField(q, dayEnd);
  const out = new Map<string, FieldWork>();
  if (!live.length) return out;
  const ids = live.map((a) => a.ticket_id);
  const [siteOf, clocks] = await Promise.all([ticketSites(q, ids), runningSlaFacts(q, ids)]);
  const pending = new Map<string, (Stop & { offeredAt: number })[]>();
  const latestStart = new Map<string, number>();
  for (const a of live) {
    const work = out.get(a.user_id) ?? { freeAt: null, stops: [], underWay: [] };
    out.set(a.user_id, work);
    const at = siteOf.get(a.ticket_id) ?? null;
    if (a.state === 'started') {
      work.underWay.push({ ticketId: a.ticket_id, minutes: minutesLeft(a.on_site_at, now, a.expected_minutes ?? undefined) });
      if (a.offered_at.getTime() >= (latestStart.get(a.user_id) ?? Number.NEGATIVE_INFINITY)) {
        latestStart.set(a.user_id, a.offered_at.getTime());
        work.freeAt = at;
      }
      continue;
    }
    const list = pending.get(a.user_id) ?? [];
    list.push({ ticketId: a.ticket_id, at, durationMinutes: a.expected_minutes ?? WORK_MINUTES.field, dueAt: deadlineOf(clocks.get(a.ticket_id) ?? [], at !== null), notBefore: a.booked_start, offeredAt: a.offered_at.getTime() });
    pending.set(a.user_id, list);
  }
  for (const [userId, list] of pending) out.get(userId)!.stops = list.sort(stopOrder).map(({ offeredAt: _, ...s }) => s);
  return out;
}
