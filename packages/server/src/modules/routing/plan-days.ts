// Plans engineers' days: their live on-site jobs of the day (a job's custom field visitDate, else the
// current day), in an order that keeps the visit windows (visitWindow "09:00-12:00" or visitFrom /
// visitTo), the shift, a break and the travel, from the engineer's current position (today) or home.
// One engineer: their own jobs; a team: all members' jobs shared out again, skills respected.
import type { Queryable } from '../../platform/db/database';
import { routeInputs, type RouteInputs } from '../dispatch';
import { buildDayProblem, DAY_DEFAULTS, parseWindow, readDays, type DayEngineer, type DayJob } from './day/day-rules';
import { instantOf, isoWeekday, localParts, minutesOf } from './day/local-time';
import { planRepository, type PlanRow } from './plan-repository';
import { solveVrptw } from './solver';

export interface PlanOptions {
  timeLimitMs?: number;
  seed?: number;
}

const POSITION_FRESH_MS = 2 * 3600_000;

function engineerOf(p: RouteInputs['people'][number], day: string, today: string, now: Date): DayEngineer {
  const fresh = day === today && p.position && now.getTime() - p.position.reportedAt.getTime() < POSITION_FRESH_MS ? p.position.at : null;
  let shiftFrom = DAY_DEFAULTS.shiftFrom;
  let shiftTo = DAY_DEFAULTS.shiftTo;
  if (p.shift) {
    if (!p.shift.days.includes(isoWeekday(day))) shiftTo = shiftFrom;
    else {
      shiftFrom = minutesOf(p.shift.start);
      shiftTo = minutesOf(p.shift.end);
      if (shiftTo <= shiftFrom) shiftTo += 24 * 60;
    }
  }
  return { userId: p.id, from: fresh ?? p.home, to: p.home ?? fresh, shiftFrom, shiftTo };
}

export async function planDays(q: Queryable, now: Date, who: { userIds?: string[]; teamId?: string }, day: string, reason: PlanRow['reason'], o: PlanOptions = {}): Promise<PlanRow[]> {
  const inputs = await routeInputs(q, now, who);
  const here = localParts(now, inputs.timeZone);
  const jobs: DayJob[] = [];
  const ownerOf = new Map<string, string>();
  for (const j of inputs.jobs) {
    const visit = typeof j.customFields.visitDate === 'string' ? j.customFields.visitDate : here.date;
    if (visit !== day) continue;
    ownerOf.set(j.ticketId, j.userId);
    jobs.push({ ticketId: j.ticketId, location: j.location, minutes: j.durationMinutes, window: parseWindow(j.customFields) });
  }
  const engineers = inputs.people.map((p) => engineerOf(p, day, here.date, now));
  const team = who.teamId !== undefined;
  const eligible = team ? inputs.eligible : (userId: string, ticketId: string) => ownerOf.get(ticketId) === userId;
  const settings = { speedKmh: inputs.speedKmh, roadFactor: DAY_DEFAULTS.roadFactor, breakFrom: DAY_DEFAULTS.breakFrom, breakTo: DAY_DEFAULTS.breakTo, breakMinutes: DAY_DEFAULTS.breakMinutes, notBefore: day === here.date ? here.minutes : day < here.date ? 24 * 60 : 0 };
  const dp = buildDayProblem(engineers, jobs, settings, eligible);
  const sol = solveVrptw(dp.problem, { timeLimitMs: o.timeLimitMs ?? 500, seed: o.seed ?? 1, maxIterations: 4000 });
  const { days, unplanned } = readDays(dp, sol, settings);
  const at = (m: number) => instantOf(day, m, inputs.timeZone).toISOString();
  const rows: PlanRow[] = days.map((d) => ({
    user_id: d.userId,
    day,
    stops: d.stops.map((s) => ({
      ticketId: s.ticketId,
      arriveAt: at(s.arriveAt),
      startAt: at(s.startAt),
      endAt: at(s.endAt),
      lat: s.lat,
      lng: s.lng,
      travelKm: Math.round(s.travelKm * 100) / 100,
      ...(ownerOf.get(s.ticketId) !== d.userId ? { reassignFrom: ownerOf.get(s.ticketId) } : {}),
    })),
    break: d.break ? { startAt: at(d.break.startAt), endAt: at(d.break.endAt) } : null,
    unplanned: unplanned.filter((u) => ownerOf.get(u.ticketId) === d.userId),
    km: Math.round(d.km * 100) / 100,
    reason,
    planned_at: now,
  }));
  for (const r of rows) await planRepository.put(q, r);
  return rows;
}
