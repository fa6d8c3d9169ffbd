import { notFound } from '../../platform/errors';
import { effectiveScope, type Actor } from '../identity';
import type { TicketRow, VisibilityScope } from './ticket-repository';

// Role scopes, checked in the use cases: agents limited to own or team tickets, customers to their own.
export function visibilityOf(actor: Actor): VisibilityScope {
  if (actor.role === 'customer') return { kind: 'requester', contactId: actor.contactId };
  const scope = effectiveScope(actor);
  if (scope === 'all') return { kind: 'all' };
  return { kind: scope, userId: actor.id, teamIds: actor.teamIds };
}

export function canSee(actor: Actor, t: Pick<TicketRow, 'assignee_id' | 'team_id' | 'requester_id'>): boolean {
  const v = visibilityOf(actor);
  switch (v.kind) {
    case 'all':
      return true;
    case 'own':
      return t.assignee_id === v.userId;
    case 'team':
      return t.assignee_id === v.userId || (t.team_id !== null && (v.teamIds ?? []).includes(t.team_id));
    case 'requester':
      return !!v.contactId && t.requester_id === v.contactId;
  }
}

/** A ticket the actor may not see is reported exactly like one that does not exist. */
export function assertVisible<T extends Pick<TicketRow, 'assignee_id' | 'team_id' | 'requester_id'>>(actor: Actor, t: T | undefined): T {
  if (!t || !canSee(actor, t)) throw notFound('Ticket');
  return t;
}

/** Whether a live-feed event reaches this actor: the same rule as GET /tickets/{id}/events. */
export function canSeeFeedEvent(actor: Actor, e: { ticket: { assigneeId: string | null; teamId: string | null; requesterId: string | null }; event: { internal: boolean } }): boolean {
  if (e.event.internal && actor.role === 'customer') return false;
  return canSee(actor, { assignee_id: e.ticket.assigneeId, team_id: e.ticket.teamId, requester_id: e.ticket.requesterId });
}

/**
 * A file a customer may see: not internal, and either sent to them with a reply (it has a comment) or
 * their own upload. A staff upload not yet sent is a draft: the agent may still attach it to an
 * internal note, so the customer learns nothing of it — not its name, size or type.
 */
export function customerMaySeeAttachment(actor: Actor, a: { internal: boolean; comment_id: string | null; uploaded_by: string | null }): boolean {
  return !a.internal && (a.comment_id !== null || a.uploaded_by === actor.id);
}
