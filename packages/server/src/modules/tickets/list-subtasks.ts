import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { ticketRepository } from './ticket-repository';
import { assertVisible, visibilityOf } from './visibility';

const MAX_SUBTASKS = 1000;

/** A parent's sub-tasks (those the actor may see), oldest first, with the progress of all of them. */
export async function listSubtasks(deps: Deps, actor: Actor, ticketId: string) {
  return deps.db.tenant(actor.tenantId, async (q) => {
    assertVisible(actor, await ticketRepository.byId(q, ticketId, { names: false }));
    const rows = await ticketRepository.list(q, { scope: visibilityOf(actor), filter: { parentId: ticketId }, sort: 'number', desc: false, limit: MAX_SUBTASKS });
    const { total, done } = await ticketRepository.childProgress(q, ticketId);
    return {
      items: rows.map((t) => ({
        id: t.id,
        number: Number(t.number),
        title: t.title,
        status: t.status,
        priority: t.priority,
        assigneeId: t.assignee_id,
        assigneeName: t.assignee_name ?? null,
        teamId: t.team_id,
        teamName: t.team_name ?? null,
      })),
      total,
      done,
    };
  });
}
