import { forbidden } from '../../platform/errors';
import { isManager, type Actor } from '../identity';

/** Field steps are a person's own doing: never an API key's or a customer's. */
export function requirePerson(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id || actor.role === 'customer') throw forbidden('Only a signed-in engineer records visit steps');
  return actor.id;
}

/**
 * Who may record a step of a ticket's visit: its assignee, the engineer already making the visit (a
 * phone replaying its queue after the ticket was handed on keeps its visit), or a supervisor / admin.
 */
export function mayRecord(actor: Actor, ticket: { assignee_id: string | null }, visitUserId: string | null): boolean {
  return isManager(actor) || ticket.assignee_id === actor.id || (visitUserId !== null && visitUserId === actor.id);
}
