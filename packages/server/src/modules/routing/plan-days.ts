// Plans engineers' days: their live on-site jobs of the day (the booked visit's day — 预约上门 — else the
// custom field visitDate, else the current day), in an order that keeps the booked window (else the
// custom fields visitWindow "09:00-12:00" or visitFrom / visitTo), the SLA's deadline for reaching the site
// when the day can keep it (the order dispatch's 插单 assumes), the shift, a break and the travel, from the
// engineer's current position (today) or home. One engineer: their own jobs; a team: all members' jobs
// shared out again, skills respected.
import type { Queryable } from '../../platform/db/database';
import { routeInputs, shiftStartsOn, type RouteInputs } from '../dispatch';
import { bookedWindows } from '../field';
import { bounds, buildDayProblem, DAY_DEFAULTS, parseWindow, readDays, type DayEngineer, type DayJob, type DaySettings } from './day/day-rules';
import { instantOf, isoWeekday, localParts, minutesOf } from './day/local-time';
import { planRepository, type PlanRow } from './plan-repository';
import { solveVrptw } from './solver';

export interface PlanOptions {
  timeLimitMs?: number;
  seed?: number;
}

const POSITION_FRESH_MS = 2 * 3600_000;

function engineerOf(p: RouteInputs['people'][number], day: string, today: string, now: Date, calendar: RouteInputs['calendar']): DayEngineer {
  const fresh = day === today && p.position && now.getTime() - p.position.reportedAt.getTime() < POSITION_FRESH_MS ? p.position.at : null;
  let shiftFrom = DAY_DEFAULTS.shiftFrom;
  let shiftTo = DAY_DEFAULTS.shiftTo;
  if (p.shift) {
    // no shift that day: its weekdays, or for a shift on the working calendar a holiday or a make-up day
    if (!shiftStartsOn(p.shift, day, isoWeekday(day), calendar)) shiftTo = shiftFrom;
    else {
      shiftFrom = minutesOf(p.shift.start);
      shiftTo = minutesOf(p.shift.end);
      if (shiftTo <= shiftFrom) shiftTo += 24 * 60;
    }
  }
  return { userId: p.id, from: fresh ?? p.home, to: p.home ?? fresh, shiftFrom, shiftTo };
}

/** A job's day: the day of the visit booked with the customer, else its custom field visitDate, else today. */
export function jobDay(booked: { start: Date } | undefined, customFields: Record<string, unknown> | null | undefined, today: string, timeZone: string): string {
  if (booked) return localParts(booked.start, timeZone).date;
  const visit = customFields?.visitDate;
  return typeof visit === 'string' ? visit : today;
}

export async function planDays(q: Queryable, now: Date, who: { userIds?: string[]; teamId?: string }, day: string, reason: PlanRow['reason'], o: PlanOptions = {}): Promise<PlanRow[]> {
  const inputs = await routeInputs(q, now, who);
  const here = localParts(now, inputs.timeZone);
  const midnight = instantOf(day, 0, inputs.timeZone).getTime();
  const minuteOf = (d: Date) => (d.getTime() - midnight) / 60_000;
  const booked = await bookedWindows(q, inputs.jobs.map((j) => j.ticketId));
  const jobs: DayJob[] = [];
  const ownerOf = new Map<string, string>();
  const dueAt = new Map<string, Date>();
  for (const j of inputs.jobs) {
    const b = booked.get(j.ticketId);
    if (jobDay(b, j.customFields, here.date, inputs.timeZone) !== day) continue;
    ownerOf.set(j.ticketId, j.userId);
    if (j.need.dueAt) dueAt.set(j.ticketId, j.need.dueAt);
    const window: [number, number] | null = b ? [minuteOf(b.start), Math.min(24 * 60, Math.max(minuteOf(b.start), minuteOf(b.end)))] : parseWindow(j.customFields);
    jobs.push({ ticketId: j.ticketId, location: j.location, minutes: j.durationMinutes, window, due: j.need.dueAt ? minuteOf(j.need.dueAt) : null });
  }
  const engineers = inputs.people.map((p) => engineerOf(p, day, here.date, now, inputs.calendar));
  const team = who.teamId !== undefined;
  const eligible = team ? inputs.eligible : (userId: string, ticketId: string) => ownerOf.get(ticketId) === userId;
  const settings: DaySettings = { speedKmh: inputs.speedKmh, roadFactor: DAY_DEFAULTS.roadFactor, breakFrom: DAY_DEFAULTS.breakFrom, breakTo: DAY_DEFAULTS.breakTo, breakMinutes: DAY_DEFAULTS.breakMinutes, notBefore: day === here.date ? here.minutes : day < here.date ? 24 * 60 : 0 };
  const solve = (list: DayJob[]) => {
    const dp = buildDayProblem(engineers, list, settings, eligible);
    return readDays(dp, solveVrptw(dp.problem, { timeLimitMs: o.timeLimitMs ?? 500, seed: o.seed ?? 1, maxIterations: 4000 }), settings);
  };
  let planned = solve(jobs);
  // a deadline the day cannot keep does not keep the job out of the plan: planned again without that
  // deadline (still within its window), and shown late
  const missed = new Set(planned.unplanned.filter((u) => u.reason === 'no_time').map((u) => u.ticketId));
  const relax = jobs.filter((j) => missed.has(j.ticketId) && j.due != null && bounds(j)[1] === j.due);
  if (relax.length) planned = solve(jobs.map((j) => (relax.includes(j) ? { ...j, due: null } : j)));
  const { days, unplanned } = planned;
  const at = (m: number) => instantOf(day, m, inputs.timeZone).toISOString();
  const rows: PlanRow[] = days.map((d) => ({
    user_id: d.userId,
    day,
    stops: d.stops.map((s) => {
      const due = dueAt.get(s.ticketId);
      return {
        ticketId: s.ticketId,
        arriveAt: at(s.arriveAt),
        startAt: at(s.startAt),
        endAt: at(s.endAt),
        lat: s.lat,
        lng: s.lng,
        travelKm: Math.round(s.travelKm * 100) / 100,
        ...(due ? { slaDueAt: due.toISOString(), ...(s.startAt > minuteOf(due) + 1e-6 ? { late: true as const } : {}) } : {}),
        ...(ownerOf.get(s.ticketId) !== d.userId ? { reassignFrom: ownerOf.get(s.ticketId) } : {}),
      };
    }),
    break: d.break ? { startAt: at(d.break.startAt), endAt: at(d.break.endAt) } : null,
    unplanned: unplanned.filter((u) => ownerOf.get(u.ticketId) === d.userId),
    km: Math.round(d.km * 100) / 100,
    reason,
    planned_at: now,
  }));
  for (const r of rows) await planRepository.put(q, r);
  return rows;
}
