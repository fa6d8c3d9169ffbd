// A seeded synthetic day of field service in a city (Shanghai by default): clusters of tickets in busy
// districts with morning and afternoon peaks, engineers with skills, levels, certifications (some
// expired), shifts and capacities. The same seed gives the same scenario; it is written in the file
// format (scenario.ts), so it can be saved, edited and replayed.
import { mulberry32 } from '../../../platform/random';
import type { LatLng } from '../engine/types';
import { addDays, isoInZone, zonedInstant } from './local-time';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario';

export interface GenerateOptions {
  seed: number;
  engineers: number;
  tickets: number;
  /** the simulated day, "YYYY-MM-DD" local (default a Monday) */
  date?: string;
}

export const GENERATE_DEFAULTS = { seed: 1, engineers: 100, tickets: 1000, date: '2026-03-02' } as const;

/** Skills with the certification a visit needs (null: none) and their share of the tickets. */
const SKILLS: { name: string; certification: string | null; share: number }[] = [
  { name: '电梯维保', certification: '特种设备作业人员证', share: 0.3 },
  { name: '空调维修', certification: null, share: 0.25 },
  { name: '网络运维', certification: null, share: 0.2 },
  { name: '电力维修', certification: '低压电工作业证', share: 0.15 },
  { name: '安防监控', certification: null, share: 0.1 },
];

/**
 * The knobs of the synthetic day. Calibrated (docs/DISPATCH-SIMULATOR.md) so that round robin among the
 * qualified people reaches about 80% SLA attainment at the default size.
 */
const CITY = {
  center: [31.23, 121.47] as LatLng,
  radiusKm: 18,
  clusters: 8,
  clusterSpreadKm: 3,
  clusteredShare: 0.75,
  speedKmh: 30,
  slaMinutes: { urgent: 120, high: 180, normal: 240, low: 480 },
  priorities: { low: 0.15, normal: 0.55, high: 0.22, urgent: 0.08 },
  levels: [0.3, 0.35, 0.25, 0.1],
  durationBase: 18,
  durationPerLevel: 7,
  durationSpread: 12,
  expiredShare: 0.15,
  shifts: [
    { start: '08:00', end: '18:00', share: 0.7 },
    { start: '07:00', end: '16:00', share: 0.15 },
    { start: '10:00', end: '20:00', share: 0.15 },
  ],
};

export function generateScenario(opts: GenerateOptions): Scenario {
  const rnd = mulberry32(opts.seed >>> 0 || 0x9e3779b9);
  const date = opts.date ?? GENERATE_DEFAULTS.date;
  const tz = 'Asia/Shanghai';
  const uniform = (a: number, b: number) => a + rnd() * (b - a);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const pick = <T extends { share: number }>(items: T[]) => {
    let x = rnd() * items.reduce((a, i) => a + i.share, 0);
    return items.find((i) => (x -= i.share) < 0) ?? items[items.length - 1];
  };
  const weighted = (ws: number[]) => pick(ws.map((share, i) => ({ i, share }))).i;
  const offset = (from: LatLng, dxKm: number, dyKm: number): LatLng => {
    const lat = from[0] + dyKm / 111.32;
    const lng = from[1] + dxKm / (111.32 * Math.cos((from[0] * Math.PI) / 180));
    return [round(lat, 6), round(lng, 6)];
  };
  const inCity = (): LatLng => {
    const r = CITY.radiusKm * Math.sqrt(rnd());
    const a = 2 * Math.PI * rnd();
    return offset(CITY.center, r * Math.cos(a), r * Math.sin(a));
  };
  const near = (c: LatLng, km: number): LatLng => offset(c, gauss() * km, gauss() * km);

  const clusters = Array.from({ length: CITY.clusters }, () => ({ at: inCity(), share: uniform(0.5, 1.5) }));
  // primary skills in proportion to the tickets' needs (largest remaining quota first), so supply follows demand
  const given = SKILLS.map(() => 0);
  const engineers: ScenarioInput['engineers'] = Array.from({ length: opts.engineers }, (_, i) => {
    const k = SKILLS.reduce((best, s, j) => (s.share * (i + 1) - given[j] > SKILLS[best].share * (i + 1) - given[best] ? j : best), 0);
    given[k]++;
    const primary = SKILLS[k];
    const skills: Record<string, number> = { [primary.name]: 3 + Math.floor(rnd() * 3) };
    const extra = 1 + Math.floor(rnd() * 2);
    for (let k = 0; k < extra; k++) {
      const s = pick(SKILLS);
      skills[s.name] ??= 1 + Math.floor(rnd() * 3);
    }
    const certifications = SKILLS.filter((s) => s.certification && skills[s.name]).map((s) => ({
      name: s.certification!,
      expires: rnd() < CITY.expiredShare ? addDays(date, -1 - Math.floor(rnd() * 300)) : addDays(date, 30 + Math.floor(rnd() * 700)),
    }));
    const fixProbability = Object.fromEntries(Object.entries(skills).map(([s, lvl]) => [s, round(Math.min(0.98, Math.max(0.5, 0.62 + 0.07 * lvl + uniform(-0.06, 0.06))), 2)]));
    const shift = pick(CITY.shifts);
    const home = rnd() < 0.6 ? near(pick(clusters).at, 5) : inCity();
    return { id: `E${pad(i + 1, opts.engineers)}`, name: `工程师${i + 1}`, home, skills, certifications, shift: { start: shift.start, end: shift.end }, capacity: 2 + Math.floor(rnd() * 2), fixProbability };
  });

  const dayStart = zonedInstant(date, '00:00', tz);
  const tickets: ScenarioInput['tickets'] = Array.from({ length: opts.tickets }, () => {
    const skill = pick(SKILLS);
    const level = 1 + weighted(CITY.levels);
    const priority = pick(Object.entries(CITY.priorities).map(([p, share]) => ({ p: p as keyof typeof CITY.slaMinutes, share }))).p;
    const location = rnd() < CITY.clusteredShare ? near(pick(clusters).at, CITY.clusterSpreadKm) : inCity();
    const second = arrivalSecond(rnd, gauss);
    const duration = Math.max(10, Math.round(CITY.durationBase + CITY.durationPerLevel * level + uniform(-1, 1) * CITY.durationSpread));
    return {
      id: '',
      arrival: isoInZone(dayStart + second * 1000, tz),
      location,
      skill: skill.name,
      level,
      priority,
      slaMinutes: CITY.slaMinutes[priority],
      durationMinutes: duration,
      ...(skill.certification ? { certification: skill.certification } : {}),
    };
  });
  tickets.sort((a, b) => a.arrival.localeCompare(b.arrival));
  tickets.forEach((t, i) => (t.id = `T${pad(i + 1, opts.tickets)}`));
  return parseScenario({ name: `generated seed=${opts.seed} engineers=${opts.engineers} tickets=${opts.tickets}`, timeZone: tz, speedKmh: CITY.speedKmh, engineers, tickets });
}

/** Seconds after local midnight: a morning peak around 10:00, an afternoon one around 14:30, a flat rest; 07:30–18:00. */
function arrivalSecond(rnd: () => number, gauss: () => number): number {
  const x = rnd();
  const m = x < 0.42 ? 600 + gauss() * 70 : x < 0.82 ? 870 + gauss() * 80 : 450 + rnd() * 630;
  return Math.round(Math.min(1080, Math.max(450, m)) * 60);
}

const pad = (n: number, of: number) => String(n).padStart(String(of).length, '0');
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
