import type { Queryable } from '../../platform/db/database';
import { notifyUsers } from '../notifications';
import type { EventActor } from './event-repository';
import { eventRepository } from './event-repository';
import { ticketRepository, type TicketRow } from './ticket-repository';

export interface HandOverOptions {
  /** why (派单 / 改派 / 拒单 / 转派 reason), on the timeline and in the assignee's notification */
  reason?: string;
  at: Date;
  channel?: string;
  /** who acts, for the notification's "by" (the actor's name otherwise) */
  by?: string;
}

/** A team transfer's options: the facts behind a system's reason, on the event for a reader's own language. */
export interface TransferOptions extends HandOverOptions {
  detail?: Record<string, unknown>;
}

/** Marks an event as dispatch's own doing, so dispatch's consumer does not take it for a person's change. */
export const VIA_DISPATCH = 'dispatch';

/**
 * Sets a ticket's assignee inside the caller's transaction (dispatch decides with its own lock held):
 * the usual `ticket.updated` event with before → after, and the new assignee notified as a PATCH would.
 * Nothing happens when the assignee is already the one given. Returns the ticket before the change.
 */
export async function assignInTransaction(q: Queryable, actor: EventActor, ticketId: string, userId: string | null, o: HandOverOptions): Promise<TicketRow | undefined> {
  const t = await ticketRepository.byId(q, ticketId, { forUpdate: true });
  if (!t || t.assignee_id === userId) return t;
  const updated = await ticketRepository.update(q, ticketId, { assignee_id: userId, updated_at: o.at }, null);
  const reason = o.reason?.trim() || undefined;
  await eventRepository.append(q, {
    ticketId,
    kind: 'ticket.updated',
    actor,
    channel: o.channel ?? 'web',
    at: o.at,
    data: { changes: { assigneeId: { from: t.assignee_id, to: userId } }, via: VIA_DISPATCH, ...(reason ? { reason } : {}) },
  });
  if (userId && userId !== actor.id)
    await notifyUsers(q, actor.tenantId, [userId], { kind: 'assigned', ticketId, data: { number: Number(updated.number), title: updated.title, by: o.by ?? actor.name, reason }, at: o.at });
  return t;
}

/**
 * Moves a ticket to another team inside the caller's transaction (dispatch's overflow to a backup
 * team), with the reason on the timeline. Returns the ticket before the change.
 */
export async function transferInTransaction(q: Queryable, actor: EventActor, ticketId: string, teamId: string, o: TransferOptions): Promise<TicketRow | undefined> {
  const t = await ticketRepository.byId(q, ticketId, { forUpdate: true });
  if (!t || t.team_id === teamId) return t;
  await ticketRepository.update(q, ticketId, { team_id: teamId, updated_at: o.at }, null);
  await eventRepository.append(q, {
    ticketId,
    kind: 'ticket.updated',
    actor,
    channel: o.channel ?? 'web',
    at: o.at,
    data: { changes: { teamId: { from: t.team_id, to: teamId } }, via: VIA_DISPATCH, ...(o.reason ? { reason: o.reason } : {}), ...o.detail },
  });
  return t;
}
