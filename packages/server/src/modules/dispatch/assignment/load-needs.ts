import type { Queryable } from '../../../platform/db/database';
import { getAssets } from '../../assets';
import { bookedWindows } from '../../field';
import { requesterTiers } from '../../customers';
import { slaFacts } from '../../sla';
import { ticketDispatchFacts, type TicketDispatchFacts } from '../../tickets';
import type { Need } from '../engine/types';
import { assignmentRepository } from './assignment-repository';
import { deadlineOf } from './deadline-of';
import { buildNeed, dayIn, matchRule, resolvePolicy } from './dispatch-rules';
import type { Pool } from './load-pool';
import type { PolicyRow } from '../profiles/policy-repository';
import type { RuleRow } from '../profiles/rule-repository';
import { setupRepository } from './setup-repository';

export interface TicketNeed {
  facts: TicketDispatchFacts;
  need: Need;
  policy: PolicyRow;
  rule: RuleRow | null;
  /** on-site work: the visit's window booked with the customer (预约上门), if any */
  booked: { start: Date; end: Date } | null;
  /**
   * People who let an offer of it expire (超时未接单) — their latest refusal of it — and are not excluded by
   * the customer, with when that offer expired. They are in `need.excludedUserIds` like the people who
   * declined it, but only for a while: dispatch offers it to them again when nobody else eligible can
   * take it and their cool-down is over (dispatch-tickets.ts `readmitted`). A 拒单 stays excluded.
   */
  lapsed: Map<string, Date>;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * What each ticket needs: the first enabled rule matching it sets the requirements; its customer's
 * preferences and tier; people who declined it or let it expire are excluded; an on-site job's booked visit. Tickets not found are left out.
 */
export async function loadNeeds(q: Queryable, pool: Pool, ticketIds: string[]): Promise<Map<string, TicketNeed>> {
  const facts = await ticketDispatchFacts(q, ticketIds);
  const contacts = facts.map((f) => f.requester_id).filter((x): x is string => !!x);
  const tiers = contacts.length ? await requesterTiers(q, contacts) : new Map<string, string>();
  const ids = (k: 'requester_id' | 'organization_id') => [...new Set(facts.map((f) => f[k]).filter((x): x is string => !!x))];
  const prefs = await setupRepository.preferences(q, ids('requester_id'), ids('organization_id'));
  const refusals = await assignmentRepository.refusedBy(q, facts.map((f) => f.id));
  const expiries = await lastExpiries(q, [...new Set(refusals.filter((r) => r.state === 'expired').map((r) => r.ticket_id))]);
  const assetLines = await assetProductLines(q, facts);
  const clocks = await slaFacts(q, facts.map((f) => f.id));
  const booked = await bookedWindows(q, facts.map((f) => f.id));
  const out = new Map<string, TicketNeed>();
  const visitDate = dayIn(pool.now, pool.timeZone);
  for (const f of facts) {
    const tier = f.requester_id ? (tiers.get(f.requester_id) ?? null) : null;
    // the product line: the ticket's own field, else its device's (a lift scanned by the customer)
    const productLine = str(f.custom_fields?.productLine) ?? (f.asset_id ? (assetLines.get(f.asset_id) ?? null) : null);
    const rule = matchRule(pool.rules, {
      categoryId: f.category_id,
      typeId: f.type_id,
      tier,
      channel: f.channel,
      productLine,
      priority: f.priority,
    });
    const mine = prefs.filter((p) => (p.contact_id && p.contact_id === f.requester_id) || (p.organization_id && p.organization_id === f.organization_id));
    const refusedRows = refusals.filter((r) => r.ticket_id === f.id);
    const refused = refusedRows.map((r) => r.user_id);
    const byCustomer = new Set(mine.flatMap((p) => p.excluded_user_ids));
    const lapsed = new Map<string, Date>();
    for (const r of refusedRows) if (r.state === 'expired' && !byCustomer.has(r.user_id)) lapsed.set(r.user_id, expiries.get(`${f.id}:${r.user_id}`) ?? new Date(0));
    const need = buildNeed({
      ticketId: f.id,
      priority: f.priority,
      createdAt: f.created_at,
      channel: f.channel,
      teamId: f.team_id,
      categoryId: f.category_id,
      site: f.site_lat !== null && f.site_lng !== null ? [f.site_lat, f.site_lng] : null,
      customFields: f.custom_fields ?? {},
      subtask: f.parent_id !== null,
      productLine,
      tier,
      preferredUserIds: [...new Set(mine.flatMap((p) => p.preferred_user_ids))],
      excludedUserIds: [...new Set([...mine.flatMap((p) => p.excluded_user_ids), ...refused])],
      refusedBy: Object.fromEntries(refusedRows.map((r) => [r.user_id, { state: r.state, reason: r.state === 'declined' ? r.reason : null }])),
      rule,
      // a certification must be valid on the day of the visit: a booked visit's day, else today
      visitDate: visitDayOf(booked.get(f.id), visitDate, pool.timeZone),
      dueAt: deadlineOf(clocks.get(f.id) ?? [], f.site_lat !== null && f.site_lng !== null),
      learntOnSiteMinutes: f.category_id ? (pool.onSiteMinutes.get(f.category_id) ?? null) : null,
    });
    const visit = need.kind === 'field' ? (booked.get(f.id) ?? null) : null;
    // 插单 plans a booked visit from its window's start, not before
    if (visit) need.notBefore = visit.start;
    out.set(f.id, { facts: f, need, policy: resolvePolicy(pool.policies, f.category_id, f.team_id), rule, booked: visit, lapsed });
  }
  return out;
}

/** When each person's latest offer of these tickets expired, by "ticketId:userId" (from their recent assignments). */
async function lastExpiries(q: Queryable, ticketIds: string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const id of ticketIds)
    for (const a of await assignmentRepository.history(q, id)) {
      const key = `${id}:${a.user_id}`;
      // newest first: the first expiry seen per person is their latest
      if (a.state === 'expired' && a.ended_at && !out.has(key)) out.set(key, a.ended_at);
    }
  return out;
}

/** The product line of each ticket's device, by asset id (assets without one are left out); one read for the batch. */
async function assetProductLines(q: Queryable, facts: TicketDispatchFacts[]): Promise<Map<string, string>> {
  const ids = facts.map((f) => f.asset_id).filter((x): x is string => !!x);
  const out = new Map<string, string>();
  if (!ids.length) return out;
  for (const [id, asset] of await getAssets(q, ids)) {
    const line = str(asset.productLine);
    if (line) out.set(id, line);
  }
  return out;
}

/** The visit's day: a booked window's local day when later than `today`, else `today`. */
function visitDayOf(window: { start: Date } | undefined, today: string, timeZone: string): string {
  const day = window ? dayIn(window.start, timeZone) : today;
  return day > today ? day : today;
}
