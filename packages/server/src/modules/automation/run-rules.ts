import type { TicketFacts, TriggeringEvent } from './condition-rules';
import type { Conditions, HoursSince, TriggerEvent } from './rule-schema';

// When rules run (pure): the occasions of an outbox message, who acted, the loop guard, and the
// instance a time rule runs once for.

/** The names an automation acts under on the timeline: 自动化：<rule name>. */
export const AUTOMATION_PREFIX = '自动化：';
export const automationActorName = (ruleName: string) => `${AUTOMATION_PREFIX}${ruleName}`;

/** The occasions of a ticket event: its kind, and for ticket.updated also status_changed / assigned. */
export function occasionsOf(kind: string, data: Record<string, unknown>): TriggerEvent[] {
  const out: string[] = [kind];
  if (kind === 'ticket.updated') {
    const changes = (data.changes ?? {}) as Record<string, unknown>;
    if (changes.status) out.push('status_changed');
    if (changes.assigneeId) out.push('assigned');
  }
  return out as TriggerEvent[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a trigger message asks of the engine: the ticket, the event, and the rules (in order) it may run. */
export interface TriggerWork<R> {
  ticketId: string;
  event: TriggeringEvent;
  /** on a 催单 the conditions see the count as of that chase (its customer message), not what came after */
  chaseUpTo: string | null;
  rules: R[];
}

/** The work of a ticket event given the active triggers in their order; null when it has no ticket or no rule listens. */
export function triggerWork<R extends { events: string[] }>(m: { eventId: string; topic: string; payload: Record<string, unknown> }, triggers: R[]): TriggerWork<R> | null {
  const p = m.payload as { ticketId?: unknown; data?: Record<string, unknown> };
  if (typeof p.ticketId !== 'string' || !p.ticketId) return null;
  const data = p.data ?? {};
  const occasions: string[] = occasionsOf(m.topic, data);
  const rules = triggers.filter((r) => r.events.some((e) => occasions.includes(e)));
  if (!rules.length) return null;
  const chaseUpTo = m.topic === 'ticket.chased' && typeof data.eventId === 'string' && UUID.test(data.eventId) ? data.eventId : null;
  return { ticketId: p.ticketId, event: { id: m.eventId, kind: m.topic, data }, chaseUpTo, rules };
}

/** The rule name an event's actor acted for, when an automation wrote it. */
export function automationOf(actor: { type?: unknown; name?: unknown } | undefined): string | null {
  if (actor?.type !== 'system' || typeof actor.name !== 'string' || !actor.name.startsWith(AUTOMATION_PREFIX)) return null;
  return actor.name.slice(AUTOMATION_PREFIX.length);
}

/**
 * Skip a rule for an event its own actions caused (a rule does not retrigger itself); other rules
 * may react, and the loop guard bounds any ping-pong between them.
 */
export const causedByItself = (ruleName: string, actor: { type?: unknown; name?: unknown } | undefined) => automationOf(actor) === ruleName;

/** The loop guard: at most `max` automated updates per ticket per hour; the reason when refused. */
export function loopGuard(appliedLastHour: number, max: number): string | null {
  return appliedLastHour >= max ? `本工单一小时内已自动执行 ${appliedLastHour} 次，达到上限 ${max}（AUTOMATION_MAX_PER_TICKET_HOUR），为防止规则互相触发而未执行` : null;
}

/** The moment a time rule counts from: its first hours_since gte condition in `all`. */
export function timeAnchor(conds: Conditions): { since: HoursSince; hours: number } | null {
  const c = conds.all?.find((x) => x.field.startsWith('hours_since.') && x.op === 'gte' && typeof x.value === 'number');
  return c ? { since: c.field.slice(12) as HoursSince, hours: c.value as number } : null;
}

/** The instance a time rule runs once for: 'pending@2026-03-02T01:00:00.000Z' (null when the anchor never started). */
export function timeRunKey(conds: Conditions, f: TicketFacts): string | null {
  const a = timeAnchor(conds);
  const at = a ? f.since[a.since] : null;
  if (!a || !at) return null;
  const what = a.since === 'status' ? `status:${f.status}` : a.since;
  return `${what}@${at.toISOString()}`;
}

/**
 * The bounded SQL pre-filter of a time rule: the statuses its conditions allow and the latest moment
 * a ticket may have been created / resolved / updated and still match (never more than the conditions).
 */
export function timePrefilter(conds: Conditions, now: Date): { statuses: string[] | null; createdBefore: Date | null; resolvedBefore: Date | null; slaState: string | null } {
  let statuses: string[] | null = null;
  const restrict = (s: string[]) => (statuses = statuses ? statuses.filter((x) => s.includes(x)) : s);
  for (const c of conds.all ?? []) {
    if (c.field === 'status' && c.op === 'is' && typeof c.value === 'string') restrict([c.value]);
    if (c.field === 'status' && c.op === 'in' && Array.isArray(c.value)) restrict(c.value.map(String));
    if (c.field === 'hours_since.pending' && c.op === 'gte') restrict(['pending']);
    if (c.field === 'hours_since.resolved' && c.op === 'gte') restrict(['resolved', 'closed']);
  }
  // sla.state is the ticket's summary column: a rule for breached tickets reads only those
  const sla = (conds.all ?? []).find((c) => c.field === 'sla.state' && c.op === 'is' && typeof c.value === 'string');
  let createdBefore: Date | null = null;
  let resolvedBefore: Date | null = null;
  for (const c of conds.all ?? []) {
    if (!c.field.startsWith('hours_since.') || c.op !== 'gte' || typeof c.value !== 'number') continue;
    const edge = new Date(now.getTime() - c.value * 3_600_000);
    // every anchor starts at or after creation: created_at ≤ edge holds for any ticket that matches
    if (!createdBefore || edge < createdBefore) createdBefore = edge;
    if (c.field === 'hours_since.resolved' && (!resolvedBefore || edge < resolvedBefore)) resolvedBefore = edge;
  }
  return { statuses, createdBefore, resolvedBefore, slaState: sla ? String(sla.value) : null };
}
