import type { Queryable } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { getAsset } from '../assets';
import { canSeeFeedEvent, readTicket, type TicketRow } from '../tickets';

// What inventory needs of a ticket (a job): its status, category, assignee, site and the device model
// of its asset (assets module). The one place that reads them.

export interface JobFacts {
  id: string;
  status: string;
  categoryId: string | null;
  assigneeId: string | null;
  site: { lat: number; lng: number } | null;
  /** the device model of the ticket's asset; null when unknown */
  model: string | null;
}

export const isSettledStatus = (status: string) => status === 'resolved' || status === 'closed';

/** The ticket's facts when it exists (row-level security: in the tenant), no visibility check. */
export async function jobFacts(q: Queryable, ticketId: string): Promise<JobFacts | undefined> {
  const t = await readTicket(q, ticketId);
  return t && toFacts(q, t);
}

async function toFacts(q: Queryable, t: TicketRow): Promise<JobFacts> {
  const asset = t.asset_id ? await getAsset(q, t.asset_id) : null;
  return {
    id: t.id,
    status: t.status,
    categoryId: t.category_id,
    assigneeId: t.assignee_id,
    site: t.site_lat != null && t.site_lng != null ? { lat: t.site_lat, lng: t.site_lng } : null,
    model: asset?.model ?? null,
  };
}

/** The facts of a ticket the actor may see (staff only); one they may not is reported as not found. */
export async function visibleJob(q: Queryable, actor: Actor, ticketId: string): Promise<JobFacts> {
  const t = actor.role === 'customer' ? undefined : await readTicket(q, ticketId);
  if (!t || !canSeeFeedEvent(actor, { ticket: { assigneeId: t.assignee_id, teamId: t.team_id, requesterId: t.requester_id }, event: { internal: false } })) throw notFound('Ticket');
  return toFacts(q, t);
}
