import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { getTicket } from '../tickets';
import type { Actor } from '../identity';
import { assertStaff } from './access';
import { intelligenceRepository } from './intelligence-repository';

/** A ticket's analysis (predictions, mood, fields found, likely duplicates) for staff who may see the ticket. */
export async function getInsights(deps: Deps, actor: Actor, ticketId: string) {
  assertStaff(actor);
  const ticket = await getTicket(deps, actor, ticketId); // visibility, by id or number
  const row = await deps.db.tenant(actor.tenantId, (q) => intelligenceRepository.insight(q, ticket.id));
  if (!row) throw notFound('Analysis of this ticket');
  return { ticketId: ticket.id, analyzedAt: row.analyzed_at.toISOString(), needsTriage: row.needs_triage, ...row.analysis };
}
