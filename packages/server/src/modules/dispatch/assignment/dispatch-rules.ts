import type { LatLng, Need, Person, Refusal, Shift, Area, WorkKind } from '../engine/types';
import { fieldByDefault } from '../profiles/on-site';
import type { PolicyRow } from '../profiles/policy-repository';
import type { RuleRow } from '../profiles/rule-repository';
import type { PositionRow, ProfileRow } from './setup-repository';
import type { StatRow } from './stats-repository';

// Pure rules of the assignment side: which policy applies, which rule a ticket matches, what a
// person and a need are made of. No I/O.

export type Mode = PolicyRow['mode'];
export const FALLBACK_CAPACITY: Record<WorkKind, number> = { ticket: 8, chat: 2, field: 5 };

/** The defaults when a tenant set no policy: manual dispatch with recommendations. */
export const DEFAULT_POLICY: PolicyRow = {
  id: 'default',
  scope: 'tenant',
  scope_id: null,
  mode: 'manual',
  target: 'person',
  weights: {},
  batch_window_s: 30,
  accept_timeout_s: null,
  overflow_team_id: null,
  overflow_threshold: null,
  speed_kmh: 30,
  position_stale_min: 30,
  default_capacity: FALLBACK_CAPACITY,
  default_daily_limit: {},
  auto_improve: false,
  updated_at: new Date(0),
};

/** The category's policy, else the team's, else the tenant's, else the defaults. */
export function resolvePolicy(policies: PolicyRow[], categoryId: string | null, teamId: string | null): PolicyRow {
  const find = (scope: PolicyRow['scope'], id: string | null) => policies.find((p) => p.scope === scope && (scope === 'tenant' || (id !== null && p.scope_id === id)));
  return (categoryId && find('category', categoryId)) || (teamId && find('team', teamId)) || find('tenant', null) || DEFAULT_POLICY;
}

/** What a rule's conditions look at on a ticket. */
export interface TicketFacts {
  categoryId: string | null;
  typeId: string | null;
  tier: string | null;
  channel: string;
  productLine: string | null;
  priority: string;
}

/** The first rule whose given conditions all match. */
export function matchRule(rules: RuleRow[], f: TicketFacts): RuleRow | null {
  const ok = (list: unknown, value: string | null) => !Array.isArray(list) || !list.length || (value !== null && list.includes(value));
  for (const r of rules) {
    const c = r.conditions ?? {};
    if (ok(c.categoryIds, f.categoryId) && ok(c.typeIds, f.typeId) && ok(c.tiers, f.tier) && ok(c.channels, f.channel) && ok(c.productLines, f.productLine) && ok(c.priorities, f.priority))
      return r;
  }
  return null;
}

/** On-site work when the ticket has a site or the rule says so — but for a sub-task without a site of its
 * own (an 事件报告, a 回访: the parent's visit is the on-site work); a chat for the chat channel; else ticket work. */
export function kindOf(hasSite: boolean, rule: RuleRow | null, channel: string, subtask = false): WorkKind {
  if (hasSite || (rule?.requirements?.onSite === true && !subtask)) return 'field';
  return channel === 'chat' ? 'chat' : 'ticket';
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "YYYY-MM-DD" of an instant in a time zone. */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface NeedInput {
  ticketId: string;
  priority: Need['priority'];
  createdAt: Date;
  channel: string;
  teamId: string | null;
  categoryId: string | null;
  site: LatLng | null;
  customFields: Record<string, unknown>;
  /** a sub-task (it has a parent ticket) */
  subtask?: boolean;
  /** the ticket's product line (its custom field, else its device's); absent: the custom field */
  productLine?: string | null;
  tier: string | null;
  preferredUserIds: string[];
  excludedUserIds: string[];
  /** people who declined the ticket or let its offer expire (they are among excludedUserIds) */
  refusedBy?: Record<string, Refusal>;
  rule: RuleRow | null;
  visitDate: string;
  /** the SLA deadline the ticket is dispatched against (load-needs deadlineOf); absent: none */
  dueAt?: Date | null;
  /** minutes on site learnt for the ticket's category (on-site-minutes.ts); absent: none learnt */
  learntOnSiteMinutes?: number | null;
}

export function buildNeed(i: NeedInput): Need {
  const req = i.rule?.requirements ?? {};
  const kind = kindOf(i.site !== null, i.rule, i.channel, i.subtask);
  return {
    ticketId: i.ticketId,
    kind,
    priority: i.priority,
    createdAt: i.createdAt,
    dueAt: i.dueAt ?? null,
    location: i.site,
    region: str(req.region) ?? str(i.customFields.region),
    // a rule's team replaces the ticket's: the rule says who must go
    teamIds: str(req.teamId) ? [str(req.teamId)!] : i.teamId ? [i.teamId] : [],
    skill: str(req.skill),
    level: num(req.level),
    certification: str(req.certification),
    language: str(req.language),
    productLine: str(req.productLine) ?? (i.productLine !== undefined ? str(i.productLine) : str(i.customFields.productLine)),
    categoryId: i.categoryId,
    visitDate: i.visitDate,
    // on site: the rule's minutes, else the category's learnt ones, else the default
    durationMinutes: kind === 'field' ? (num(req.onSiteMinutes) ?? i.learntOnSiteMinutes ?? WORK_MINUTES.field) : WORK_MINUTES[kind],
    customerTier: i.tier,
    preferredUserIds: i.preferredUserIds,
    excludedUserIds: i.excludedUserIds,
    ...(i.refusedBy ? { refusedBy: i.refusedBy } : {}),
  };
}

export interface PersonInput {
  id: string;
  /** 'engineer' or 'agent': an agent does on-site work only when their own profile gives a field capacity */
  role: string;
  name: string;
  teamIds: string[];
  profile: ProfileRow | undefined;
  position: PositionRow | undefined;
  loads: Partial<Record<WorkKind, number>>;
  defaultCapacity: Record<string, number>;
  /** the tenant's 每日上限 per kind, for kinds the person has none of their own */
  defaultDailyLimit?: Record<string, number>;
  /** work of each kind given today and still theirs or done */
  takenToday?: Partial<Record<WorkKind, number>>;
  workMinutesToday: number;
  stats: StatRow[];
}

/** Expected minutes of one job of each kind (a visit on site, an email or a chat) when nothing more is known. */
export const WORK_MINUTES: Record<WorkKind, number> = { ticket: 20, chat: 20, field: 60 };

/** Expected minutes until the person is free to start new work: the jobs in hand, but for `stops` on-site
 * visits not started (the engine places new work among those, engine/insertion.ts); the visits under way
 * count what is left of them (`underWayMinutes`, from check-in times) when given, else WORK_MINUTES.field each. */
export const busyMinutesOf = (load: Record<WorkKind, number>, stops = 0, underWayMinutes?: number): number =>
  load.ticket * WORK_MINUTES.ticket + load.chat * WORK_MINUTES.chat + (underWayMinutes ?? Math.max(0, load.field - stops) * WORK_MINUTES.field);

/** A person as the engine sees them; people without a profile are available, always on shift, with the
 * default capacity — but for on-site work, which the tenant's default gives engineers only: a call-centre
 * agent is sent to a site only when their profile says how many visits they take. */
export function buildPerson(i: PersonInput): Person {
  const p = i.profile;
  const capacity = { ...FALLBACK_CAPACITY };
  for (const k of Object.keys(capacity) as WorkKind[]) {
    const own = num(p?.capacity?.[k]);
    const v = own ?? (k === 'field' && !fieldByDefault(i.role) ? 0 : num(i.defaultCapacity?.[k]));
    if (v !== null) capacity[k] = v;
  }
  const load = { ticket: i.loads.ticket ?? 0, chat: i.loads.chat ?? 0, field: i.loads.field ?? 0 };
  const dailyLimit: Partial<Record<WorkKind, number>> = {};
  for (const k of Object.keys(capacity) as WorkKind[]) {
    const v = num(p?.daily_limit?.[k]) ?? num(i.defaultDailyLimit?.[k]);
    if (v !== null) dailyLimit[k] = v;
  }
  return {
    id: i.id,
    name: i.name,
    teamIds: i.teamIds,
    skills: p?.skills ?? {},
    certifications: p?.certifications ?? [],
    regions: p?.regions ?? [],
    area: (p?.area as Area | null) ?? null,
    languages: p?.languages ?? ['zh'],
    productLines: p?.product_lines ?? [],
    shift: (p?.shift as Shift | null) ?? null,
    capacity,
    load,
    ...(Object.keys(dailyLimit).length ? { dailyLimit, takenToday: { ...i.takenToday } } : {}),
    busyMinutes: busyMinutesOf(load),
    workMinutesToday: i.workMinutesToday,
    status: p?.status ?? 'available',
    home: p && p.home_lat !== null && p.home_lng !== null ? [p.home_lat, p.home_lng] : null,
    position: i.position ? { at: [i.position.lat, i.position.lng], reportedAt: i.position.reported_at, accuracyM: i.position.accuracy_m } : null,
    outletId: p?.outlet_id ?? null,
    history: Object.fromEntries(i.stats.map((s) => [s.category_id, { solved: s.solved, medianResolutionMin: s.median_resolution_min, firstFixRate: s.first_fix_rate }])),
  };
}

/** Why a ticket waits, for the dispatcher (待派单 reasons). */
export function waitingReason(mode: Mode, ranking: { candidates: unknown[]; excluded: { reasons: { rule: string }[] }[] }): string {
  if (mode === 'manual') return 'manual';
  if (ranking.candidates.length) return 'no_capacity';
  // the qualified: kept out only by their load, their status or their shift
  const qualified = ranking.excluded.filter((e) => e.reasons.every((r) => r.rule === 'capacity' || r.rule === 'status' || r.rule === 'shift'));
  if (!qualified.length) return 'no_one_eligible';
  // every one of them off shift (or away): the ticket goes when one comes on, not when someone frees room
  return qualified.every((e) => e.reasons.some((r) => r.rule === 'shift' || r.rule === 'status')) ? 'off_shift' : 'no_capacity';
}

/** A need no rule constrains: what is left are the person's own status and shift. */
export function openNeed(at: Date): Need {
  return {
    ticketId: '', kind: 'ticket', priority: 'normal', createdAt: at, dueAt: null, location: null, region: null, teamIds: [], skill: null, level: null,
    certification: null, language: null, productLine: null, categoryId: null, visitDate: null, durationMinutes: 0, customerTier: null, preferredUserIds: [], excludedUserIds: [],
  };
}
