// The simulator's live state of engineers and tickets, and how it becomes the engine's Person and
// Need at each decision (the server builds the same objects from its tables).
import { travelKm } from '../engine/geo';
import { stopOf } from '../engine/insertion';
import type { LatLng, Need, Person } from '../engine/types';
import type { ScenarioEngineer, ScenarioTicket } from './scenario';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

/** One visit to a ticket's site: the first, or a second one after a visit that did not fix it. */
export interface Visit {
  ticket: TicketState;
  /** 1 for the first visit */
  number: number;
  /** when this visit was asked for (the ticket's arrival, or the end of the failed visit) */
  since: number;
  need: Need;
}

export interface TicketState {
  t: ScenarioTicket;
  arrival: number;
  /** engineers whose visit did not fix it: not sent again */
  failedBy: string[];
  firstAssignedAt: number | null;
  firstOnSiteAt: number | null;
  /** solved by the first person sent (null while unknown) */
  firstPersonFixed: boolean | null;
}

export interface EngineerState {
  e: ScenarioEngineer;
  /** where the engineer stands, or where the current leg started */
  pos: LatLng;
  leg: { from: LatLng; to: LatLng; start: number; end: number } | null;
  /** jobs in hand in the order they are served; the first is under way when `busy` */
  jobs: Visit[];
  busy: boolean;
  /** travel and service minutes of finished visits */
  workDoneMin: number;
  /** travel minutes of the visit under way */
  legMin: number;
  /** when the visit under way ends (end of its trip + time on site), epoch ms */
  jobEnd: number;
  history: Person['history'];
  /** visits given on the local day `day` (每日上限), moved jobs counted with whoever holds them */
  given: { day: string; n: number };
}

/** Where the engineer is at `now`: on the straight line of the current leg, else where they stand. */
export function livePosition(s: EngineerState, now: number): LatLng {
  const leg = s.leg;
  if (!leg) return s.pos;
  const f = leg.end > leg.start ? Math.min(1, Math.max(0, (now - leg.start) / (leg.end - leg.start))) : 1;
  return [leg.from[0] + (leg.to[0] - leg.from[0]) * f, leg.from[1] + (leg.to[1] - leg.from[1]) * f];
}

/**
 * What the engineer still has to do before starting new work when jobs are done in the order given:
 * the rest of the visit under way, then each job in hand (straight-line trip from the previous site at
 * `speedKmh`, plus its time on site); and where they will be then (the last job's site; null when they
 * hold nothing).
 */
export function busyOf(s: EngineerState, now: number, speedKmh: number): { minutes: number; freeAt: LatLng | null } {
  if (s.jobs.length === 0) return { minutes: 0, freeAt: null };
  let minutes = Math.max(0, s.jobEnd - now) / 60_000;
  for (let i = 1; i < s.jobs.length; i++) {
    const from = s.jobs[i - 1].ticket.t.location;
    const to = s.jobs[i].ticket.t.location;
    minutes += (travelKm(from, to) / speedKmh) * 60 + s.jobs[i].ticket.t.durationMinutes;
  }
  return { minutes, freeAt: s.jobs[s.jobs.length - 1].ticket.t.location };
}

/**
 * The engine's Person for the engineer's live state at `now`. `plan`: the jobs not started are stops a
 * new job may go among (插单, the score-based modes); otherwise all the work in hand comes first, in the
 * order given (the naive strategies).
 */
export function toPerson(s: EngineerState, now: number, speedKmh = 30, plan = true, day = s.given.day): Person {
  const e = s.e;
  const head = s.jobs[0];
  const fifo = plan ? null : busyOf(s, now, speedKmh);
  return {
    id: e.id,
    name: e.name ?? e.id,
    teamIds: [],
    skills: e.skills,
    certifications: e.certifications,
    regions: [],
    area: null,
    languages: [],
    productLines: [],
    shift: { days: e.shift.days ?? EVERY_DAY, start: e.shift.start, end: e.shift.end },
    capacity: { ticket: 0, chat: 0, field: e.capacity },
    load: { ticket: 0, chat: 0, field: s.jobs.length },
    ...(e.dailyLimit !== undefined ? { dailyLimit: { field: e.dailyLimit }, takenToday: { field: s.given.day === day ? s.given.n : 0 } } : {}),
    workMinutesToday: s.workDoneMin + s.jobs.reduce((a, v) => a + v.ticket.t.durationMinutes, 0),
    status: s.jobs.length > 0 ? 'busy' : 'available',
    home: e.home,
    position: { at: livePosition(s, now), reportedAt: new Date(now), accuracyM: 10 },
    outletId: e.outlet ?? null,
    history: s.history,
    ...(fifo
      ? { busyMinutes: fifo.minutes, freeAt: fifo.freeAt }
      : {
          // the visit under way, then the jobs not started in the order they will be done
          busyMinutes: head ? Math.max(0, s.jobEnd - now) / 60_000 : 0,
          freeAt: head ? head.ticket.t.location : null,
          stops: s.jobs.slice(1).map((v) => stopOf(v.need)),
        }),
  };
}

/** What a visit needs; the certification day is the decision's local day (visitDate null). */
export function toNeed(ticket: TicketState, since: number): Need {
  const t = ticket.t;
  return {
    ticketId: t.id,
    kind: 'field',
    priority: t.priority,
    createdAt: new Date(since),
    dueAt: new Date(since + t.slaMinutes * 60_000),
    location: t.location,
    region: null,
    teamIds: [],
    skill: t.skill,
    level: t.level,
    certification: t.certification ?? null,
    language: null,
    productLine: null,
    categoryId: t.skill,
    visitDate: null,
    durationMinutes: t.durationMinutes,
    customerTier: null,
    preferredUserIds: [],
    excludedUserIds: [...ticket.failedBy],
  };
}

/** Queue order: most urgent first, then the oldest. */
export function queueOrder(a: Visit, b: Visit): number {
  return PRIORITY_RANK[a.ticket.t.priority] - PRIORITY_RANK[b.ticket.t.priority] || a.since - b.since || (a.ticket.t.id < b.ticket.t.id ? -1 : 1);
}

/** The engineer's chance to fix a problem of `skill` in one visit (1 when the scenario gives none). */
export function fixProbability(e: ScenarioEngineer, skill: string): number {
  const p = e.fixProbability;
  if (p === undefined) return 1;
  return typeof p === 'number' ? p : (p[skill] ?? 1);
}

/**
 * The learnt history the server would hold: where the scenario gives fix probabilities, each skill the
 * engineer has is a category with that first-time-fix rate over 20 past tickets, at the pool's median
 * time (so speed stays neutral).
 */
export function historyOf(e: ScenarioEngineer, medianBySkill: Record<string, number>): Person['history'] {
  if (e.fixProbability === undefined) return {};
  return Object.fromEntries(Object.keys(e.skills).map((s) => [s, { solved: 20, medianResolutionMin: medianBySkill[s] ?? 60, firstFixRate: fixProbability(e, s) }]));
}

/** A draw in [0, 1) fixed by its key, so every strategy meets the same luck for the same visit. */
export function draw(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
