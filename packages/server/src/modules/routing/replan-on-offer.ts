// An on-site job offered to an engineer re-plans its day (the booked visit's, else visitDate, else
// today): always when it is urgent, otherwise when the day already has a plan (so the stored route,
// which the phone lists jobs by, never lacks a job dispatch gave). A job released to someone else (改派,
// 日内优化) re-plans the giver's day where it has a plan, so their route no longer goes there. A visit booked with the customer
// (预约上门) re-plans the day it is booked for, and the day it was booked for before, where they have a
// plan. Once per event even with two processes: the event is claimed in the same transaction as the
// new plans.
import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { bookedWindows, VISIT_BOOKED } from '../field';
import { tenantTimeZone } from '../identity';
import { ticketDispatchFacts } from '../tickets';
import { localParts } from './day/local-time';
import { jobDay, planDays } from './plan-days';
import { planRepository, type PlanRow } from './plan-repository';

export const ROUTING_TOPICS = ['dispatch.offered', 'dispatch.override', 'dispatch.released', VISIT_BOOKED];

interface Replan {
  userId: string;
  /** the days to re-plan where they have a plan */
  days: string[];
  /** re-plan the first day even without a plan */
  always: boolean;
  reason: PlanRow['reason'];
}

async function replanOf(q: Queryable, m: OutboxMessage, now: Date): Promise<Replan | null> {
  const p = m.payload as { ticketId?: string; data?: { userId?: string; kind?: string; windowStart?: string; previousStart?: string; to?: string | null } };
  const userId = p.data?.userId;
  if (!p.ticketId || !userId) return null;
  const timeZone = await tenantTimeZone(q);
  const dayOf = (iso: string | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? localParts(new Date(iso), timeZone).date : null);
  if (m.topic === VISIT_BOOKED) {
    const days = [dayOf(p.data?.windowStart), dayOf(p.data?.previousStart)].filter((d): d is string => d !== null);
    return { userId, days: [...new Set(days)], always: false, reason: 'assigned' };
  }
  // released to someone else (改派, 日内优化): the job leaves the giver's day, re-planned where it has a plan
  const handedOn = m.topic === 'dispatch.released';
  if (handedOn && !p.data?.to) return null;
  if (p.data?.kind && p.data.kind !== 'field') return null;
  const [t] = await ticketDispatchFacts(q, [p.ticketId]);
  if (!t) return null;
  const day = jobDay((await bookedWindows(q, [t.id])).get(t.id), t.custom_fields, localParts(now, timeZone).date, timeZone);
  const urgent = t.priority === 'urgent' && !handedOn;
  return { userId, days: [day], always: urgent, reason: urgent ? 'urgent' : 'assigned' };
}

export async function replanOnOffer(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  for (const [tenantId, list] of byTenant(messages)) {
    for (const m of list) {
      await deps.db.tenant(tenantId, async (q) => {
        const now = deps.clock.now();
        const r = await replanOf(q, m, now);
        if (!r) return;
        const days: string[] = [];
        for (const [i, day] of r.days.entries()) if ((i === 0 && r.always) || (await planRepository.get(q, r.userId, day))) days.push(day);
        if (!days.length || !(await planRepository.claim(q, m.eventId, r.userId, now))) return;
        for (const day of days) await planDays(q, now, { userIds: [r.userId] }, day, r.reason);
      });
    }
  }
}
