import type { Queryable } from '../../../platform/db/database';
import { listCategoryRows } from '../../catalog';
import { activeUsersWithRoles, tenantTimeZone } from '../../identity';
import { stopOf } from '../engine';
import type { DecisionContext, Need, Outlet, Person, WorkCalendar, WorkKind } from '../engine/types';
import { assignmentRepository, workMinutes, type AssignmentRow } from './assignment-repository';
import { namesCategories, spreadToSubcategories } from './category-scope';
import { buildPerson, busyMinutesOf, DEFAULT_POLICY, resolvePolicy } from './dispatch-rules';
import { policyRepository, type PolicyRow } from '../profiles/policy-repository';
import { ruleRepository, type RuleRow } from '../profiles/rule-repository';
import { setupRepository } from './setup-repository';
import { addStop, fieldWorkInHand, type FieldWork } from './work-in-hand';
import { statsRepository } from './stats-repository';
import { workCalendar } from './work-calendar';

/** Roles that are dispatched work. */
export const DISPATCHED_ROLES = ['agent', 'engineer'] as const;

/** A tenant's people and set-up at one moment, read inside the decision's transaction. */
export interface Pool {
  people: Person[];
  byId: Map<string, Person>;
  /** personId → role ('engineer', 'agent' …): who goes on site (profiles/on-site.ts) */
  roleOf: Map<string, string>;
  policies: PolicyRow[];
  /** the enabled hard rules, in order */
  rules: RuleRow[];
  /** the tenant's active outlets (服务网点), a dispatch target */
  outlets: Outlet[];
  timeZone: string;
  /** the tenant's working calendar, for shifts that follow it */
  calendar: WorkCalendar | null;
  now: Date;
  /** categoryId → minutes on site learnt from completed visits */
  onSiteMinutes: Map<string, number>;
  /** personId → epoch ms of their last offer (round robin) */
  lastAssignedAt: Record<string, number>;
  ctx(policy: PolicyRow): DecisionContext;
  /** counts a new assignment in the pool, so the next decision of the same transaction sees it */
  take(personId: string, need: Need): void;
  /** takes an assignment out of the pool: its minutes leave the person's work today too unless it ended
   * as work done (recentWork counts the same) */
  give(personId: string, ticketId: string, a: GivenWork): void;
}

/** An assignment leaving the pool: when it was offered, its minutes, and whether it ended as work done. */
export type GivenWork = Pick<AssignmentRow, 'kind' | 'expected_minutes' | 'offered_at'> & { done: boolean };

/** Start of the day of `now` in the time zone (approximate by the zone's offset at that moment). */
function dayStart(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(now);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0) % 24;
  return new Date(now.getTime() - ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000 - (now.getTime() % 1000));
}

export async function loadPool(q: Queryable, now: Date): Promise<Pool> {
  const [users, profiles, positions, ownPolicies, allRules, stats, timeZone, outlets, onSiteMinutes] = await Promise.all([
    activeUsersWithRoles(q, [...DISPATCHED_ROLES]),
    setupRepository.profiles(q),
    setupRepository.positions(q),
    policyRepository.list(q),
    ruleRepository.ordered(q),
    statsRepository.all(q),
    tenantTimeZone(q),
    setupRepository.outlets(q),
    statsRepository.durations(q),
  ]);
  // a category's rule or policy covers the categories under it: the tree read only when one names a category
  const enabled = allRules.filter((r) => r.enabled);
  const { rules, policies } = namesCategories(enabled, ownPolicies) ? spreadToSubcategories(enabled, ownPolicies, await listCategoryRows(q)) : { rules: enabled, policies: ownPolicies };
  const today = dayStart(now, timeZone);
  // work booked with the customer for a later day counts on that day, not today
  const dayEnd = new Date(today.getTime() + 86_400_000);
  const tenantPolicy = resolvePolicy(policies, null, null) ?? DEFAULT_POLICY;
  // 每日上限: the day's count is read only where someone has a limit
  const limited = hasAny(tenantPolicy.default_daily_limit) || profiles.some((p) => hasAny(p.daily_limit));
  const [work, field, loads, taken] = await Promise.all([
    assignmentRepository.recentWork(q, today),
    fieldWorkInHand(q, now, dayEnd),
    assignmentRepository.liveLoads(q, dayEnd),
    limited ? assignmentRepository.takenSince(q, today) : [],
  ]);
  const profileOf = new Map(profiles.map((p) => [p.user_id, p]));
  const positionOf = new Map(positions.map((p) => [p.user_id, p]));
  const loadOf = new Map<string, Partial<Record<WorkKind, number>>>();
  for (const l of loads) loadOf.set(l.user_id, { ...loadOf.get(l.user_id), [l.kind]: l.n });
  const takenOf = new Map<string, Partial<Record<WorkKind, number>>>();
  for (const t of taken) takenOf.set(t.user_id, { ...takenOf.get(t.user_id), [t.kind]: t.n });
  const workOf = new Map(work.map((w) => [w.user_id, w]));
  const statsOf = new Map<string, typeof stats>();
  for (const s of stats) statsOf.set(s.user_id, [...(statsOf.get(s.user_id) ?? []), s]);
  const people = users.map((u) =>
    buildPerson({
      id: u.id,
      role: u.role,
      name: u.name,
      teamIds: u.team_ids,
      profile: profileOf.get(u.id),
      position: positionOf.get(u.id),
      loads: loadOf.get(u.id) ?? {},
      defaultCapacity: tenantPolicy.default_capacity,
      defaultDailyLimit: tenantPolicy.default_daily_limit,
      takenToday: takenOf.get(u.id) ?? {},
      workMinutesToday: workOf.get(u.id)?.minutes ?? 0,
      stats: statsOf.get(u.id) ?? [],
    }),
  );
  // the working calendar only where a shift follows it: no extra query on every decision otherwise
  const calendar = people.some((p) => p.shift?.followsCalendar) ? await workCalendar(q) : null;
  // on-site work in hand: the visit under way ends at its site; new visits may go among those not started
  const underWay = new Map<string, FieldWork['underWay']>();
  const busy = (p: Person) => {
    const u = underWay.get(p.id);
    return busyMinutesOf(p.load, p.stops?.length ?? 0, u && u.reduce((sum, v) => sum + v.minutes, 0));
  };
  for (const p of people) {
    const f = field.get(p.id);
    if (!f) continue;
    p.stops = f.stops;
    if (f.freeAt) p.freeAt = f.freeAt;
    underWay.set(p.id, f.underWay);
    p.busyMinutes = busy(p);
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  let seq = 0;
  const lastAssignedAt: Record<string, number> = Object.fromEntries(work.map((w) => [w.user_id, new Date(w.last_at).getTime()]));
  return {
    people,
    byId,
    roleOf: new Map(users.map((u) => [u.id, u.role])),
    policies,
    rules,
    outlets: outlets.map((o) => ({ id: o.id, name: o.name, at: [o.lat, o.lng] })),
    timeZone,
    calendar,
    now,
    onSiteMinutes,
    lastAssignedAt,
    ctx: (policy) => ({ now, timeZone, speedKmh: policy.speed_kmh, positionStaleMs: policy.position_stale_min * 60_000, calendar }),
    take(personId, need) {
      const p = byId.get(personId);
      if (!p) return;
      p.load[need.kind] += 1;
      if (p.takenToday) p.takenToday[need.kind] = (p.takenToday[need.kind] ?? 0) + 1;
      if (need.kind === 'field') p.stops = addStop(p.stops ?? [], stopOf(need));
      p.busyMinutes = busy(p);
      p.workMinutesToday += need.durationMinutes;
      lastAssignedAt[personId] = now.getTime() + ++seq;
    },
    give(personId, ticketId, a) {
      const p = byId.get(personId);
      if (!p) return;
      const kind = a.kind;
      if (!a.done && a.offered_at >= today) {
        p.workMinutesToday = Math.max(0, p.workMinutesToday - workMinutes(a));
        if (p.takenToday) p.takenToday[kind] = Math.max(0, (p.takenToday[kind] ?? 0) - 1);
      }
      const u = underWay.get(personId);
      // a visit booked for a later day was not counted today (it is neither a stop nor under way)
      const counted = kind !== 'field' || !!p.stops?.some((s) => s.ticketId === ticketId) || !!u?.some((v) => v.ticketId === ticketId);
      if (counted) p.load[kind] = Math.max(0, p.load[kind] - 1);
      if (p.stops) p.stops = p.stops.filter((s) => s.ticketId !== ticketId);
      if (u) underWay.set(personId, u.filter((v) => v.ticketId !== ticketId));
      p.busyMinutes = busy(p);
    },
  };
}

const hasAny = (limits: Record<string, unknown> | null | undefined): boolean => !!limits && Object.keys(limits).length > 0;
