// Diagnostics of a simulated day, outside the engine: where the travel comes from (visits dispatched
// when asked for, taken from the queue, re-visits after a failed fix), how many decisions had a single
// eligible person with capacity, the supply and demand of each skill, and a lower bound on the trip
// into each ticket. Run:
//   node --import tsx packages/server/src/modules/dispatch/simulator/diagnose.ts --seed 10 --engineers 50 --tickets 500
//   node --import tsx …/diagnose.ts --scenario FILE [--strategies round_robin,nearest,scored,batch]
// It prints one JSON object (docs/DISPATCH-SIMULATOR.md, "Why seed 10 misses").
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_WEIGHTS, exclusions, travelKm } from '../engine';
import { generateScenario } from './generate';
import { figures } from './metrics';
import { localParts } from './local-time';
import { replay, type AssignVia, type SimStrategy } from './replay';
import { parseScenarioText, type Scenario, type ScenarioEngineer, type ScenarioTicket } from './scenario';

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Whether the engineer may ever take the ticket (skill level, certification valid on the arrival day). */
export function qualified(e: ScenarioEngineer, t: ScenarioTicket, timeZone: string): boolean {
  if ((e.skills[t.skill] ?? 0) < t.level) return false;
  if (!t.certification) return true;
  const day = localParts(Date.parse(t.arrival), timeZone).date;
  return (e.certifications ?? []).some((c) => c.name === t.certification && c.expires >= day);
}

const shiftMinutes = (e: ScenarioEngineer) => {
  const m = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const d = m(e.shift.end) - m(e.shift.start);
  return d > 0 ? d : d + 1440;
};

/** Per skill: tickets, service minutes asked, the engineers qualified for at least one of them and their shift minutes. */
export function skillBalance(sc: Scenario) {
  const out: Record<string, { tickets: number; serviceMin: number; qualifiedEngineers: number; shiftMin: number; ratio: number; ticketsWithAtMost3Qualified: number }> = {};
  const skills = [...new Set(sc.tickets.map((t) => t.skill))].sort();
  for (const skill of skills) {
    const ts = sc.tickets.filter((t) => t.skill === skill);
    const qual = sc.engineers.filter((e) => ts.some((t) => qualified(e, t, sc.timeZone)));
    const serviceMin = ts.reduce((a, t) => a + t.durationMinutes, 0);
    const shiftMin = qual.reduce((a, e) => a + shiftMinutes(e), 0);
    const few = ts.filter((t) => sc.engineers.filter((e) => qualified(e, t, sc.timeZone)).length <= 3).length;
    out[skill] = { tickets: ts.length, serviceMin, qualifiedEngineers: qual.length, shiftMin, ratio: r3(serviceMin / Math.max(1, shiftMin)), ticketsWithAtMost3Qualified: few };
  }
  return out;
}

/**
 * A lower bound on the trip into each ticket's site, whatever the strategy: the trip starts at a
 * qualified engineer's home or at another ticket's site that engineer is qualified for (capacity,
 * time, shifts and order ignored). Σ over the tickets bounds the first visits' km from below.
 */
export function tripLowerBound(sc: Scenario): { perTicketKm: number[]; totalKm: number; fromHomeOnlyKm: number } {
  const qual = sc.tickets.map((t) => sc.engineers.map((e) => qualified(e, t, sc.timeZone)));
  const perTicketKm: number[] = [];
  let fromHomeOnly = 0;
  sc.tickets.forEach((t, i) => {
    let best = Infinity;
    let home = Infinity;
    sc.engineers.forEach((e, k) => {
      if (!qual[i][k]) return;
      home = Math.min(home, travelKm(e.home, t.location));
      best = Math.min(best, home);
      sc.tickets.forEach((u, j) => {
        if (j !== i && qual[j][k]) best = Math.min(best, travelKm(u.location, t.location));
      });
    });
    perTicketKm.push(Number.isFinite(best) ? best : 0);
    fromHomeOnly += Number.isFinite(home) ? home : 0;
  });
  return { perTicketKm, totalKm: r1(perTicketKm.reduce((a, x) => a + x, 0)), fromHomeOnlyKm: r1(fromHomeOnly) };
}

type Bucket = { trips: number; km: number };
const bucket = (): Bucket => ({ trips: 0, km: 0 });

/** One strategy's replay, instrumented. */
export function instrumented(sc: Scenario, strategy: SimStrategy) {
  const via = new Map<object, AssignVia>();
  const km: Record<string, Bucket> = { firstAtArrival: bucket(), firstFromQueue: bucket(), firstInWindow: bucket(), revisit: bucket() };
  const choice: Record<AssignVia, { decisions: number; single: number; twoOrThree: number; fourPlus: number }> = {
    arrival: { decisions: 0, single: 0, twoOrThree: 0, fourPlus: 0 },
    queue: { decisions: 0, single: 0, twoOrThree: 0, fourPlus: 0 },
    window: { decisions: 0, single: 0, twoOrThree: 0, fourPlus: 0 },
  };
  // the trip actually made against the shortest trip any eligible engineer with capacity could have made then
  let extraKmOverNearestWithCapacity = 0;
  const rec = replay(sc, {
    strategy,
    weights: DEFAULT_WEIGHTS,
    batchWindowS: 30,
    onAssign: (a) => {
      via.set(a.visit, a.via);
      const eligible = a.people.filter((p) => exclusions(p, a.visit.need, a.ctx).length === 0);
      const c = choice[a.via];
      c.decisions++;
      if (eligible.length <= 1) c.single++;
      else if (eligible.length <= 3) c.twoOrThree++;
      else c.fourPlus++;
      const from = (p: (typeof eligible)[number]) => p.freeAt ?? p.position?.at ?? p.home!;
      const chosen = a.people.find((p) => p.id === a.personId)!;
      const nearest = Math.min(...eligible.map((p) => travelKm(from(p), a.visit.ticket.t.location)));
      extraKmOverNearestWithCapacity += travelKm(from(chosen), a.visit.ticket.t.location) - nearest;
    },
    onTrip: (t) => {
      const b = t.visit.number > 1 ? km.revisit : via.get(t.visit) === 'queue' ? km.firstFromQueue : via.get(t.visit) === 'window' ? km.firstInWindow : km.firstAtArrival;
      b.trips++;
      b.km += t.km;
    },
  });
  for (const b of Object.values(km)) b.km = r1(b.km);
  // SLA misses by skill
  const missesBySkill: Record<string, number> = {};
  for (const t of rec.tickets) {
    if (t.firstOnSiteAt !== null && t.firstOnSiteAt - t.arrival <= t.t.slaMinutes * 60_000 + 1e-6) continue;
    missesBySkill[t.t.skill] = (missesBySkill[t.t.skill] ?? 0) + 1;
  }
  const f = figures(strategy, sc.name ?? 'scenario', sc, rec);
  return { strategy, slaAttainment: f.slaAttainment, travelKmTotal: f.travelKmTotal, waitMeanMin: f.waitMeanMin, reassignments: f.reassignments, km, choice, extraKmOverNearestWithCapacity: r1(extraKmOverNearestWithCapacity), missesBySkill };
}

/** The same day with every engineer's capacity raised to `capacity` (what capacity costs in km). */
export function withCapacity(sc: Scenario, capacity: number): Scenario {
  return { ...sc, engineers: sc.engineers.map((e) => ({ ...e, capacity })) };
}

export function diagnose(sc: Scenario, strategies: SimStrategy[]) {
  const bound = tripLowerBound(sc);
  const runs = strategies.map((s) => instrumented(sc, s));
  const relaxed = strategies.map((s) => {
    const f = figures(s, 'capacity 99', sc, replay(withCapacity(sc, 99), { strategy: s, weights: DEFAULT_WEIGHTS, batchWindowS: 30 }));
    return { strategy: s, capacity: 99, slaAttainment: f.slaAttainment, travelKmTotal: f.travelKmTotal };
  });
  return { scenario: sc.name, tickets: sc.tickets.length, engineers: sc.engineers.length, skills: skillBalance(sc), tripLowerBound: { totalKm: bound.totalKm, fromHomeOnlyKm: bound.fromHomeOnlyKm }, runs, relaxed };
}

function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { seed: { type: 'string' }, engineers: { type: 'string' }, tickets: { type: 'string' }, scenario: { type: 'string' }, strategies: { type: 'string' } } });
  const sc = values.scenario
    ? parseScenarioText(readFileSync(values.scenario, 'utf8'))
    : { ...generateScenario({ seed: Number(values.seed ?? 1), engineers: Number(values.engineers ?? 100), tickets: Number(values.tickets ?? 1000) }), name: `seed ${values.seed ?? 1}` };
  const strategies = (values.strategies ?? 'round_robin,nearest,scored,batch').split(',') as SimStrategy[];
  process.stdout.write(JSON.stringify(diagnose(sc, strategies), null, 1) + '\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) main(process.argv.slice(2));
