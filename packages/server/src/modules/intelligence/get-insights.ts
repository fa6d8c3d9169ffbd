import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { creationEventData, getTicket, readTicket } from '../tickets';
import type { Actor } from '../identity';
import { assertStaff } from './access';
import { analyzeTicket, type CreationRecord } from './analyze-ticket';
import { cacheFor } from './model-cache';

/** A ticket's analysis (predictions, mood, fields found, likely duplicates, similar solved) for staff who may see the ticket. */
export async function getInsights(deps: Deps, actor: Actor, ticketId: string) {
  assertStaff(actor);
  const ticket = await getTicket(deps, actor, ticketId); // visibility, by id or number
  const now = deps.clock.now();
  // the models before the transaction: loading them opens one of its own, which on PGlite (one
  // connection) would wait for this one for ever
  const ti = await cacheFor(deps.db).get(actor.tenantId);
  const analysis = await deps.db.tenant(actor.tenantId, async (q) => {
    const row = await readTicket(q, ticket.id);
    if (!row) throw notFound('Ticket');
    const creation = (await creationEventData(q, ticket.id)) as CreationRecord;
    return analyzeTicket(q, ti, row, creation, now);
  });
  return { ticketId: ticket.id, analyzedAt: now.toISOString(), ...analysis };
}
