// Day plans as a VRPTW: engineers are vehicles (from their position or home, back home, within their
// shift less the break), jobs are visits with a window and minutes on site; travel is the straight-line
// distance × a road factor, at the tenant's speed. All times are minutes after the day's local midnight.
// Pure: the use cases read the database and the clock, this turns their data into a problem and back.
import type { VrptwProblem, VrptwSolution } from '../solver';

export type LatLng = [number, number];

export interface DayEngineer {
  userId: string;
  /** where the day starts (current position today, else home) and ends (home, else the start) */
  from: LatLng | null;
  to: LatLng | null;
  /** shift in minutes after midnight; null: the default working day */
  shiftFrom: number;
  shiftTo: number;
}

export interface DayJob {
  ticketId: string;
  location: LatLng | null;
  minutes: number;
  /** [from, to] for the start of the visit, minutes after midnight */
  window: [number, number] | null;
  /** the SLA's deadline for reaching the site, minutes after midnight (null: none); the plan keeps it
   * when it can, see `buildDayProblem` */
  due?: number | null;
}

export interface DaySettings {
  speedKmh: number;
  roadFactor: number;
  /** the break: taken within [breakFrom, breakTo] for breakMinutes (0: none) */
  breakFrom: number;
  breakTo: number;
  breakMinutes: number;
  /** no visit starts before this (now, on the current day) */
  notBefore: number;
}

export const DAY_DEFAULTS = { roadFactor: 1.3, shiftFrom: 8 * 60, shiftTo: 18 * 60, breakFrom: 11 * 60 + 30, breakTo: 13 * 60 + 30, breakMinutes: 60 };

export interface PlannedStop {
  ticketId: string;
  arriveAt: number;
  startAt: number;
  endAt: number;
  lat: number;
  lng: number;
  travelKm: number;
}

export interface PlannedDay {
  userId: string;
  stops: PlannedStop[];
  break: { startAt: number; endAt: number } | null;
  km: number;
}

export interface Unplanned {
  ticketId: string;
  reason: 'no_site' | 'no_time' | 'no_engineer';
}

const RAD = Math.PI / 180;
export function straightKm(a: LatLng, b: LatLng): number {
  const dLat = (b[0] - a[0]) * RAD;
  const dLng = (b[1] - a[1]) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * RAD) * Math.cos(b[0] * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** "09:00-12:00", or from / to as "HH:MM" → minutes; null when absent or not understood. */
export function parseWindow(fields: Record<string, unknown>): [number, number] | null {
  const hm = (v: unknown) => {
    const m = typeof v === 'string' ? /^\s*(\d{1,2}):(\d{2})\s*$/.exec(v) : null;
    return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  let from: number | null = null;
  let to: number | null = null;
  if (typeof fields.visitWindow === 'string') {
    const [a, b] = fields.visitWindow.split(/[-–~至]/);
    from = hm(a);
    to = hm(b);
  } else {
    from = hm(fields.visitFrom);
    to = hm(fields.visitTo);
  }
  if (from === null && to === null) return null;
  const w: [number, number] = [from ?? 0, to ?? 24 * 60];
  return w[0] <= w[1] ? w : null;
}

export interface DayProblem {
  problem: VrptwProblem;
  /** node → its job or engineer */
  jobAt: (DayJob | null)[];
  engineers: DayEngineer[];
  unplanned: Unplanned[];
  locations: LatLng[];
}

/** When a visit may start: its window, closed earlier by the SLA's deadline when that falls inside it
 * (a deadline before the window opens cannot be kept by any plan and is left out). */
export function bounds(j: DayJob): [number, number] {
  const open = j.window?.[0] ?? 0;
  const close = j.window?.[1] ?? 24 * 60;
  return j.due != null && j.due >= open && j.due < close ? [open, j.due] : [open, close];
}

/** The problem of a day; jobs without a site go straight to `unplanned`. */
export function buildDayProblem(engineers: DayEngineer[], jobs: DayJob[], s: DaySettings, eligible: (userId: string, ticketId: string) => boolean): DayProblem {
  const unplanned: Unplanned[] = [];
  const sited = jobs.filter((j) => {
    if (j.location) return true;
    unplanned.push({ ticketId: j.ticketId, reason: 'no_site' });
    return false;
  });
  const centre: LatLng = sited[0]?.location ?? engineers.find((e) => e.from)?.from ?? [0, 0];
  const locations: LatLng[] = [];
  const jobAt: (DayJob | null)[] = [];
  const ready: number[] = [];
  const due: number[] = [];
  const service: number[] = [];
  const vehicles: VrptwProblem['vehicles'] = [];
  for (const e of engineers) {
    const start = locations.length;
    locations.push(e.from ?? e.to ?? centre, e.to ?? e.from ?? centre);
    jobAt.push(null, null);
    const open = Math.max(e.shiftFrom, s.notBefore);
    const close = e.shiftTo - s.breakMinutes;
    ready.push(open, open);
    due.push(close, close);
    service.push(0, 0);
    vehicles.push({ start, end: start + 1, capacity: Infinity, open, close });
  }
  const jobNodes: number[] = [];
  for (const j of sited) {
    jobNodes.push(locations.length);
    locations.push(j.location!);
    jobAt.push(j);
    const [open, close] = bounds(j);
    ready.push(open);
    due.push(close);
    service.push(j.minutes);
  }
  const n = locations.length;
  const dist = new Float64Array(n * n);
  const time = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const km = straightKm(locations[a], locations[b]) * s.roadFactor;
      dist[a * n + b] = km;
      time[a * n + b] = (km / s.speedKmh) * 60;
    }
  const problem: VrptwProblem = {
    nodes: n,
    dist,
    time,
    ready: Float64Array.from(ready),
    due: Float64Array.from(due),
    service: Float64Array.from(service),
    demand: new Float64Array(n),
    jobs: jobNodes,
    vehicles,
    allowed: (v, node) => eligible(engineers[v].userId, jobAt[node]!.ticketId),
  };
  return { problem, jobAt, engineers, unplanned, locations };
}

/** One route's times with the break taken after `k` visits (at that place); null when a window, the
 * shift or the break time cannot be kept. */
function simulate(p: VrptwProblem, v: number, jobs: number[], s: DaySettings, k: number) {
  const n = p.nodes;
  const T = p.time ?? p.dist;
  const ve = p.vehicles[v];
  let at = ve.start;
  let t = ve.open!;
  const times: { arriveAt: number; startAt: number }[] = [];
  let brk: { startAt: number; endAt: number } | null = null;
  for (let i = 0; i <= jobs.length; i++) {
    if (i === k && s.breakMinutes > 0) {
      const b = Math.max(t, s.breakFrom);
      if (b > s.breakTo) return null;
      brk = { startAt: b, endAt: b + s.breakMinutes };
      t = brk.endAt;
    }
    if (i === jobs.length) break;
    const node = jobs[i];
    const arriveAt = t + T[at * n + node];
    const startAt = Math.max(arriveAt, p.ready[node]);
    if (startAt > p.due[node] + 1e-9) return null;
    times.push({ arriveAt, startAt });
    t = startAt + p.service[node];
    at = node;
  }
  if (t + T[at * n + ve.end] > ve.close! + s.breakMinutes + 1e-9) return null;
  return { times, brk };
}

/** The solution as each engineer's day, the break at the first place in the break time that keeps
 * every window (none when no place does). */
export function readDays(dp: DayProblem, sol: VrptwSolution, s: DaySettings): { days: PlannedDay[]; unplanned: Unplanned[] } {
  const { problem: p, locations } = dp;
  const n = p.nodes;
  const days: PlannedDay[] = dp.engineers.map((e) => ({ userId: e.userId, stops: [], break: null, km: 0 }));
  const missed: Unplanned[] = [];
  for (let v = 0; v < days.length; v++) {
    const day = days[v];
    const jobs = sol.routes.find((r) => r.vehicle === v)?.jobs ?? [];
    let sim = null;
    for (let k = 0; k <= jobs.length && !sim; k++) sim = simulate(p, v, jobs, s, k);
    sim ??= simulate(p, v, jobs, { ...s, breakMinutes: 0 }, -1);
    if (!sim) {
      // no working time that day (no shift: a day off, a holiday): an empty day; a job the route held
      // (the solver keeps none there) is unplanned rather than dropped
      for (const node of jobs) missed.push({ ticketId: dp.jobAt[node]!.ticketId, reason: 'no_time' });
      continue;
    }
    day.break = sim.brk;
    let at = p.vehicles[v].start;
    jobs.forEach((node, i) => {
      const km = p.dist[at * n + node];
      const { arriveAt, startAt } = sim.times[i];
      day.stops.push({ ticketId: dp.jobAt[node]!.ticketId, arriveAt, startAt, endAt: startAt + p.service[node], lat: locations[node][0], lng: locations[node][1], travelKm: km });
      day.km += km;
      at = node;
    });
    if (jobs.length) day.km += p.dist[at * n + p.vehicles[v].end];
  }
  const unplanned = [...dp.unplanned, ...sol.unassigned.map((node) => ({ ticketId: dp.jobAt[node]!.ticketId, reason: 'no_time' as const })), ...missed];
  return { days, unplanned };
}
