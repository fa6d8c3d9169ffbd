import type { Deps } from '../../../platform/deps';
import { byTenant } from '../../../platform/outbox/by-tenant';
import type { OutboxMessage } from '../../../platform/outbox/outbox-repository';
import { recordChases } from '../chases/record-chases';
import { policyRepository } from '../policies/policy-repository';
import { clockRepository } from './clock-repository';
import { loadTickets, recomputeClocks } from './recompute-clocks';

export const SLA_CONSUMER = 'sla';
/** The events after which a ticket's clocks are recomputed (the sweep's own events refresh its summary). */
export const SLA_TOPICS = ['ticket.created', 'ticket.updated', 'reply.added', 'dispatch.started', 'field.depart', 'field.check_in', 'field.visit_booked', 'sla.warning', 'sla.breached'];

/**
 * The SLA module's outbox consumer: the tickets of a round's messages, per tenant in one transaction,
 * have their clocks recomputed from their histories (tenants with an active policy only: one cheap
 * query for the others), and customer messages that ask again are recorded as 催单. Idempotent: the
 * clocks depend only on the history, a chase is recorded once per message.
 */
export async function handleSlaMessages(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  for (const [tenantId, list] of byTenant(messages)) {
    const ticketIds = [...new Set(list.map((m) => String((m.payload as { ticketId?: unknown }).ticketId ?? '')).filter(Boolean))];
    const replies = list.filter((m) => m.topic === 'reply.added' && !(m.payload as { internal?: boolean }).internal);
    await deps.db.tenant(tenantId, async (q) => {
      // the clocks' rows first, then the policies and the tickets: a bulk recomputation holding these rows
      // (a policy changed) commits before they are read here, so its policy is the one this uses — read
      // before the lock, the old policy's clocks would be written back over the recomputed ones
      await clockRepository.lockByTickets(q, ticketIds);
      const policies = await policyRepository.list(q);
      const active = policies.some((p) => p.active);
      const replyTickets = new Set(replies.map((m) => String((m.payload as { ticketId: string }).ticketId)));
      const ids = active ? ticketIds : ticketIds.filter((id) => replyTickets.has(id));
      if (!ids.length) return;
      const loaded = await loadTickets(q, ids, deps.contractPolicies);
      if (replies.length) {
        const chased = loaded.facts.filter((f) => replyTickets.has(f.id));
        await recordChases(q, tenantId, chased, loaded.history, new Set(replies.map((m) => m.eventId)));
      }
      if (active) await recomputeClocks(q, tenantId, loaded, deps.clock.now(), policies);
    });
  }
}
