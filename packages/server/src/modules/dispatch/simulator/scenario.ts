// The simulator's scenario file (docs/DISPATCH-SIMULATOR.md documents every field): engineers and the
// tickets of a day. Validated strictly at the boundary; an unknown field is refused naming its path.
import { z } from 'zod';

const latLng = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)], { message: 'must be [latitude, longitude] in degrees' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:MM" (00:00–23:59)');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');
const probability = z.number().min(0).max(1);

const engineer = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  home: latLng,
  /** skill → level 1..5 */
  skills: z.record(z.string().min(1), z.number().int().min(1).max(5)),
  certifications: z.array(z.strictObject({ name: z.string().min(1), expires: day })).default([]),
  /** ISO weekdays (1 = Monday … 7 = Sunday), every day when absent; end before start: a night shift */
  shift: z.strictObject({ start: hhmm, end: hhmm, days: z.array(z.number().int().min(1).max(7)).min(1).optional() }),
  /** field jobs in hand at once (offered, travelling to or on site) */
  capacity: z.number().int().min(1).max(100),
  /** 每日上限: at most this many visits given in one local day (work done included); absent: no limit */
  dailyLimit: z.number().int().min(0).max(500).optional(),
  /** chance a visit fixes the problem: one number, or per skill (skills not named: 1) */
  fixProbability: z.union([probability, z.record(z.string().min(1), probability)]).optional(),
  /** id of the outlet (服务网点) the engineer belongs to */
  outlet: z.string().min(1).optional(),
});

const outlet = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  at: latLng,
});

const ticket = z.strictObject({
  id: z.string().min(1),
  arrival: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-02T09:15:00+08:00' }),
  location: latLng,
  skill: z.string().min(1),
  level: z.number().int().min(1).max(5),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  /** minutes from arrival within which an engineer must be on site */
  slaMinutes: z.number().positive().max(60 * 24 * 30),
  durationMinutes: z.number().positive().max(60 * 24),
  /** a certification the engineer must hold, valid on the day of the visit */
  certification: z.string().min(1).optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).optional(),
  /** IANA time zone of shifts and certification days */
  timeZone: z
    .string()
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone, e.g. Asia/Shanghai')
    .default('Asia/Shanghai'),
  speedKmh: z.number().positive().max(300),
  engineers: z.array(engineer).min(1),
  tickets: z.array(ticket),
  /** service outlets (服务网点): the `outlet` strategy's targets */
  outlets: z.array(outlet).optional(),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioEngineer = Scenario['engineers'][number];
export type ScenarioTicket = Scenario['tickets'][number];
export type ScenarioOutlet = NonNullable<Scenario['outlets']>[number];

/** A scenario that cannot be used, with every problem as "path: what is wrong". */
export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid scenario: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
  }
}

/** Validates a parsed JSON value as a scenario; throws ScenarioError naming each wrong field. */
export function parseScenario(value: unknown): Scenario {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ScenarioError([`the file must be a JSON object with speedKmh, engineers and tickets, not ${typeName(value)}`]);
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    // unknown fields first: a misspelt field name also shows up as a missing one
    const all = parsed.error.issues.flatMap(describeIssue);
    throw new ScenarioError([...all.filter((p) => p.endsWith(': unknown field')), ...all.filter((p) => !p.endsWith(': unknown field'))]);
  }
  const s = parsed.data;
  const problems: string[] = [];
  duplicates(s.engineers.map((e) => e.id)).forEach((i) => problems.push(`engineers[${i}].id: "${s.engineers[i].id}" is used twice`));
  duplicates(s.tickets.map((t) => t.id)).forEach((i) => problems.push(`tickets[${i}].id: "${s.tickets[i].id}" is used twice`));
  const outlets = s.outlets ?? [];
  duplicates(outlets.map((o) => o.id)).forEach((i) => problems.push(`outlets[${i}].id: "${outlets[i].id}" is used twice`));
  const known = new Set(outlets.map((o) => o.id));
  s.engineers.forEach((e, i) => {
    if (e.outlet !== undefined && !known.has(e.outlet)) problems.push(`engineers[${i}].outlet: "${e.outlet}" is not one of the outlets' ids`);
  });
  if (problems.length) throw new ScenarioError(problems);
  return s;
}

/** Parses scenario JSON text (a file's content). */
export function parseScenarioText(text: string): Scenario {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ScenarioError([`not JSON: ${(err as Error).message}`]);
  }
  return parseScenario(value);
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown field`);
  const where = formatPath(issue.path) || '(scenario)';
  if (issue.code === 'invalid_type') return [issue.input === undefined ? `${where}: required` : `${where}: expected ${article(issue.expected)}, got ${typeName(issue.input)}`];
  return [`${where}: ${issue.message}`];
}

/** A JSON value's kind as a reader says it: "a string", "an array", "null". */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return article(typeof v);
}
const article = (kind: string) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/** Things a valid scenario probably did not mean: tickets needing a skill no engineer has (never assigned). */
export function scenarioWarnings(s: Scenario): string[] {
  const skills = new Set(s.engineers.flatMap((e) => Object.keys(e.skills)));
  const missing = new Map<string, string[]>();
  for (const t of s.tickets) if (!skills.has(t.skill)) missing.set(t.skill, [...(missing.get(t.skill) ?? []), t.id]);
  return [...missing].map(([skill, ids]) => `${ids.length} ticket(s) need the skill "${skill}", which no engineer has: they will stay unassigned (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`);
}

/** ['tickets', 3, 'colour'] → tickets[3].colour */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

function duplicates(ids: string[]): number[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => (seen.has(id) ? [i] : (seen.add(id), [])));
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
