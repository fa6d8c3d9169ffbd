// An on-site job offered to an engineer re-plans their day: always when it is urgent, otherwise when the
// day already has a plan (so the stored route, which the phone lists jobs by, never lacks a job
// dispatch gave). Once per assignment event even with two processes: the event is claimed in the same
// transaction as the new plan.
import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { tenantTimeZone } from '../identity';
import { ticketDispatchFacts } from '../tickets';
import { localParts } from './day/local-time';
import { planDays } from './plan-days';
import { planRepository } from './plan-repository';

export const ROUTING_TOPICS = ['dispatch.offered', 'dispatch.override'];

export async function replanOnOffer(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  for (const [tenantId, list] of byTenant(messages)) {
    for (const m of list) {
      const p = m.payload as { ticketId?: string; data?: { userId?: string; kind?: string } };
      const userId = p.data?.userId;
      if (!p.ticketId || !userId || (p.data?.kind && p.data.kind !== 'field')) continue;
      await deps.db.tenant(tenantId, async (q) => {
        const [t] = await ticketDispatchFacts(q, [p.ticketId!]);
        if (!t) return;
        const now = deps.clock.now();
        const visit = t.custom_fields?.visitDate;
        const day = typeof visit === 'string' ? visit : localParts(now, await tenantTimeZone(q)).date;
        const urgent = t.priority === 'urgent';
        if (!urgent && !(await planRepository.get(q, userId, day))) return;
        if (!(await planRepository.claim(q, m.eventId, userId, now))) return;
        await planDays(q, now, { userIds: [userId] }, day, urgent ? 'urgent' : 'assigned');
      });
    }
  }
}
