import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { byTenant } from '../../platform/outbox/by-tenant';
import type { OutboxDispatcher } from '../../platform/outbox/outbox-dispatcher';
import type { OutboxMessage } from '../../platform/outbox/outbox-repository';
import { drawJobParts } from './draw-job-parts';
import { isSettledStatus, jobFacts } from './job-facts';
import { jobPartsRepository } from './job-parts-repository';

export const INVENTORY_CONSUMER = 'inventory';
const TOPICS = ['ticket.updated'];

interface Payload {
  ticketId?: string;
  data?: { changes?: { status?: { to?: string } } };
}

/** Whether a message set its ticket resolved or closed. */
export const settlesTicket = (m: Pick<OutboxMessage, 'topic' | 'payload'>) => m.topic === 'ticket.updated' && isSettledStatus((m.payload as Payload).data?.changes?.status?.to ?? '');

/**
 * The settlement of each resolution (resolved or closed): what the ticket used is drawn, the rest of its
 * reservations released. Claimed by the resolving event's id in the same transaction as its stock
 * changes, so a repeated message or a second process does nothing; a ticket reopened before the message
 * is handled is left for its next resolution.
 */
export async function handleInventoryMessages(deps: Deps, messages: OutboxMessage[]): Promise<void> {
  for (const [tenantId, ms] of byTenant(messages.filter(settlesTicket))) {
    await deps.db.tenant(tenantId, async (q) => {
      for (const m of ms) {
        const ticketId = (m.payload as Payload).ticketId;
        if (ticketId) await settleTicketParts(q, deps, tenantId, ticketId, m.eventId);
      }
    });
  }
}

/**
 * Settles one resolution of a ticket in the tenant's transaction (once per `key`, the resolving event's
 * id): nothing when the ticket is not resolved or closed (any more). Returns whether it settled.
 */
export async function settleTicketParts(q: Queryable, deps: Pick<Deps, 'clock'>, tenantId: string, ticketId: string, key: string): Promise<boolean> {
  const job = await jobFacts(q, ticketId);
  if (!job || !isSettledStatus(job.status)) return false;
  const at = deps.clock.now();
  if (!(await jobPartsRepository.claimSettlement(q, { tenantId, ticketId: job.id, eventId: key, categoryId: job.categoryId, model: job.model, at }))) return false;
  await drawJobParts(q, { tenantId, at, actorId: null, actorName: '结单领用' }, job);
  return true;
}

/** Subscribes the inventory consumer (main.ts; tests with their own dispatcher). */
export function connectInventory(deps: Deps, outbox: OutboxDispatcher): void {
  outbox.subscribe(INVENTORY_CONSUMER, TOPICS, (m) => handleInventoryMessages(deps, [m]), (ms) => handleInventoryMessages(deps, ms));
}
