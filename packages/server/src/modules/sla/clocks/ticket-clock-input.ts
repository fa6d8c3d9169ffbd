import type { SlaHistoryEvent, TicketDispatchFacts } from '../../tickets';
import type { ClockTicket, MatchFacts, SlaEvent } from '../rules/sla-types';

// From the tickets module's facts and history to the words of the clock rules.

const ON_SITE_KINDS = new Set(['on_site', 'onsite', 'field', '上门']);

export function matchFacts(t: TicketDispatchFacts, tier: string | null, contractPolicyId: string | null = null): MatchFacts {
  return { priority: t.priority, categoryId: t.category_id, typeId: t.type_id, tier, organizationId: t.organization_id, channel: t.channel, teamId: t.team_id, contractPolicyId };
}

/** A field job: the ticket has a site, or its custom field `kind` says on site. */
export function isOnSite(t: TicketDispatchFacts): boolean {
  const kind = (t.custom_fields ?? {}).kind;
  return t.site_lat !== null || (typeof kind === 'string' && ON_SITE_KINDS.has(kind));
}

export function clockTicket(t: TicketDispatchFacts, history: SlaHistoryEvent[]): ClockTicket {
  const firstStatus = history.find((e) => e.kind === 'status' && e.statusFrom);
  return { createdAt: t.created_at, initialStatus: firstStatus?.statusFrom ?? t.status, onSite: isOnSite(t) };
}

/**
 * The history events that move clocks: status changes, public replies by staff or the customer, and the
 * engineer on site — the first 签到 of the phone (its own time: a check-in queued offline counts when it
 * was made). A ticket worked from the phone is on site only by its check-in (出发 starts dispatch's work,
 * on the road); one never worked from the phone is on site when dispatch's work starts. A visit booked
 * with the customer (预约上门) says when the engineer is due on site.
 */
export function slaEvents(history: SlaHistoryEvent[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  const byPhone = history.some((e) => e.kind === 'departed' || e.kind === 'checked_in');
  const checkIns = history.filter((e) => e.kind === 'checked_in').map((e) => e.at.getTime());
  if (checkIns.length) out.push({ at: new Date(Math.min(...checkIns)), kind: 'on_site' });
  for (const e of history) {
    if (e.kind === 'status' && e.statusFrom && e.statusTo) out.push({ at: e.at, kind: 'status', from: e.statusFrom, to: e.statusTo });
    else if (e.kind === 'work_started' && !byPhone) out.push({ at: e.at, kind: 'on_site' });
    else if (e.kind === 'reply' && !e.internal && e.author === 'staff') out.push({ at: e.at, kind: 'staff_reply' });
    else if (e.kind === 'reply' && !e.internal && e.author === 'customer') out.push({ at: e.at, kind: 'customer_message' });
    else if (e.kind === 'visit_booked' && e.bookedUntil) out.push({ at: e.at, kind: 'visit_booked', until: e.bookedUntil });
  }
  return out;
}
