// Solomon (and Gehring–Homberger) VRPTW instances → simulator scenarios. The mapping keeps the
// instance's ratios of travel, time windows and service times (docs/DISPATCH-SIMULATOR.md):
//  - the horizon (the depot's due time) becomes a working day of DAY_MINUTES from 08:00, so one
//    instance time unit is f = DAY_MINUTES / horizon minutes;
//  - one coordinate unit is the distance covered in one time unit at SPEED_KMH (f × 0.5 km), so
//    travel, windows and service times scale together; the depot sits on CENTER (Shanghai);
//  - customer → ticket: ready time → arrival, due − ready → slaMinutes, service time → durationMinutes;
//  - vehicles → engineers, homes around the depot (seeded by the instance name, spread SPREAD units);
//  - skills, levels and priorities are assigned from customer numbers and demands, deterministically.
import { mulberry32 } from '../../../platform/random';
import type { LatLng } from '../engine/types';
import { isoInZone, zonedInstant } from './local-time';
import { parseScenario, type Scenario } from './scenario';

export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  depot: SolomonCustomer;
  customers: SolomonCustomer[];
}

export class SolomonFormatError extends Error {}

const DAY_MINUTES = 600;
const SPEED_KMH = 30;
const CENTER: LatLng = [31.23, 121.47];
const SPREAD = 8;
const SKILLS = ['电梯维保', '空调维修', '网络运维'];
const DATE = '2026-03-02';
const TZ = 'Asia/Shanghai';

/** Parses the text format: name line, VEHICLE NUMBER/CAPACITY, then rows of 7 numbers (row 0 the depot). */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l !== '') ?? '';
  const vIdx = lines.findIndex((l) => /^VEHICLE$/i.test(l));
  if (!name || vIdx < 0) throw new SolomonFormatError('not a Solomon instance: expected a name line, then "VEHICLE", "NUMBER CAPACITY" and a "CUSTOMER" table');
  const fleet = lines.slice(vIdx + 1).find((l) => /^\d+\s+\d+(\.\d+)?$/.test(l));
  if (!fleet) throw new SolomonFormatError('missing the vehicle number and capacity line after "VEHICLE"');
  const [vehicles, capacity] = fleet.split(/\s+/).map(Number);
  const cIdx = lines.findIndex((l) => /^CUSTOMER$/i.test(l));
  if (cIdx < 0) throw new SolomonFormatError('missing the "CUSTOMER" table');
  const rows: SolomonCustomer[] = [];
  for (let i = cIdx + 1; i < lines.length; i++) {
    const l = lines[i];
    if (l === '' || /CUST|COORD/i.test(l)) continue;
    const n = l.split(/\s+/).map(Number);
    if (n.length !== 7 || n.some((x) => !Number.isFinite(x))) throw new SolomonFormatError(`line ${i + 1}: expected 7 numbers (CUST NO., X, Y, DEMAND, READY TIME, DUE DATE, SERVICE TIME), got "${l}"`);
    rows.push({ id: n[0], x: n[1], y: n[2], demand: n[3], ready: n[4], due: n[5], service: n[6] });
  }
  if (rows.length < 2) throw new SolomonFormatError('the CUSTOMER table needs the depot (row 0) and at least one customer');
  const [depot, ...customers] = rows;
  if (depot.due <= 0) throw new SolomonFormatError("the depot's due date (the horizon) must be positive");
  return { name, vehicles, capacity, depot, customers };
}

export interface ConvertOptions {
  /** engineers (default: the instance's vehicle number) */
  engineers?: number;
  /** jobs in hand per engineer (default 3) */
  capacity?: number;
}

export function solomonToScenario(inst: SolomonInstance, opts: ConvertOptions = {}): Scenario {
  const f = DAY_MINUTES / inst.depot.due;
  const kmPerUnit = (f * SPEED_KMH) / 60;
  const place = (x: number, y: number): LatLng => {
    const lat = CENTER[0] + ((y - inst.depot.y) * kmPerUnit) / 111.32;
    const lng = CENTER[1] + ((x - inst.depot.x) * kmPerUnit) / (111.32 * Math.cos((CENTER[0] * Math.PI) / 180));
    return [round(lat, 6), round(lng, 6)];
  };
  const rnd = mulberry32(hash(inst.name));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const count = opts.engineers ?? inst.vehicles;
  const engineers = Array.from({ length: count }, (_, k) => ({
    id: `V${pad(k + 1, count)}`,
    name: `工程师${k + 1}`,
    home: place(inst.depot.x + gauss() * SPREAD, inst.depot.y + gauss() * SPREAD),
    // everyone does every skill at level 2; each is expert (4) in one, so level-3 tickets go to a third of them
    skills: Object.fromEntries(SKILLS.map((s, i) => [s, i === k % SKILLS.length ? 4 : 2])),
    certifications: [],
    shift: { start: '07:00', end: '23:00' },
    capacity: opts.capacity ?? 3,
  }));
  const dayStart = zonedInstant(DATE, '08:00', TZ);
  const demands = inst.customers.map((c) => c.demand).sort((a, b) => a - b);
  const lowDemand = demands[Math.floor(demands.length / 4)];
  const highDemand = demands[Math.floor((demands.length * 3) / 4)];
  const tickets = inst.customers.map((c) => ({
    id: `C${pad(c.id, inst.customers.length)}`,
    arrival: isoInZone(dayStart + Math.round(c.ready * f * 60) * 1000, TZ),
    location: place(c.x, c.y),
    skill: SKILLS[c.id % SKILLS.length],
    level: 1 + (Math.floor(c.id / SKILLS.length) % 3),
    priority: c.demand > highDemand ? ('high' as const) : c.demand < lowDemand ? ('low' as const) : ('normal' as const),
    slaMinutes: Math.max(1, round((c.due - c.ready) * f, 1)),
    durationMinutes: Math.max(1, round(c.service * f, 1)),
  }));
  tickets.sort((a, b) => a.arrival.localeCompare(b.arrival) || a.id.localeCompare(b.id));
  return parseScenario({ name: `solomon ${inst.name}`, timeZone: TZ, speedKmh: SPEED_KMH, engineers, tickets });
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const pad = (n: number, of: number) => String(n).padStart(String(of).length, '0');
const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
