import type { Queryable } from '../../platform/db/database';
import { invalid, notFound } from '../../platform/errors';
import { userRepository, type Actor } from '../identity';
import { ticketRepository } from './ticket-repository';
import { assertVisible } from './visibility';

export interface TicketReferences {
  typeId?: string | null;
  categoryId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  parentId?: string | null;
}

const TABLES = { typeId: 'ticket_types', categoryId: 'categories', teamId: 'teams' } as const;

/**
 * Every id a create or update refers to must exist in this tenant (row-level security hides other
 * tenants' rows, so their ids are simply unknown); assignees must be active staff; a parent must be
 * visible to the actor and must not make a cycle.
 */
export async function checkReferences(q: Queryable, actor: Actor, refs: TicketReferences, ticketId?: string): Promise<void> {
  for (const [field, table] of Object.entries(TABLES) as [keyof typeof TABLES, (typeof TABLES)[keyof typeof TABLES]][]) {
    const id = refs[field];
    if (id && !(await ticketRepository.existing(q, table, id))) throw notFound(field, field);
  }
  if (refs.assigneeId) {
    const a = await userRepository.assignability(q, refs.assigneeId);
    if (a === 'missing') throw notFound('assigneeId', 'assigneeId');
    if (a === 'not_assignable') throw invalid('assigneeId', 'Tickets can only be assigned to active staff', 'not_assignable');
  }
  if (refs.parentId) {
    assertVisible(actor, await ticketRepository.byId(q, refs.parentId));
    if (ticketId && (refs.parentId === ticketId || (await ticketRepository.ancestorIds(q, refs.parentId)).includes(ticketId)))
      throw invalid('parentId', 'That parent is this ticket or one of its sub-tasks', 'cycle');
  }
}
