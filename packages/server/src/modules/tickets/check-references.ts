import type { Queryable } from '../../platform/db/database';
import { invalid, notFound } from '../../platform/errors';
import { categoryExists, ticketTypeExists } from '../catalog';
import { teamExists, userAssignability, type Actor } from '../identity';
import { ticketRepository } from './ticket-repository';
import { assertVisible } from './visibility';

export interface TicketReferences {
  typeId?: string | null;
  categoryId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  parentId?: string | null;
}

/** Whether a referenced row exists, asked of the module that owns it. */
const EXISTS = { typeId: ticketTypeExists, categoryId: categoryExists, teamId: teamExists } as const;

/**
 * Every id a create or update refers to must exist in this tenant (row-level security hides other
 * tenants' rows, so their ids are simply unknown); assignees must be active staff; a parent must be
 * visible to the actor and must not make a cycle.
 */
export async function checkReferences(q: Queryable, actor: Actor, refs: TicketReferences, ticketId?: string): Promise<void> {
  for (const field of ['typeId', 'categoryId', 'teamId'] as const) {
    const id = refs[field];
    if (id && !(await EXISTS[field](q, id))) throw notFound(field, field);
  }
  if (refs.assigneeId) {
    const a = await userAssignability(q, refs.assigneeId);
    if (a === 'missing') throw notFound('assigneeId', 'assigneeId');
    if (a === 'not_assignable') throw invalid('assigneeId', 'Tickets can only be assigned to active staff', 'not_assignable');
  }
  if (refs.parentId) {
    assertVisible(actor, await ticketRepository.byId(q, refs.parentId, { names: false }));
    if (ticketId && (refs.parentId === ticketId || (await ticketRepository.ancestorIds(q, refs.parentId)).includes(ticketId)))
      throw invalid('parentId', 'That parent is this ticket or one of its sub-tasks', 'cycle');
  }
}
