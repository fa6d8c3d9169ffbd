import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { userNames, type Actor } from '../../identity';
import { visibleTicketId } from './access';
import { assignmentRepository, LIVE_STATES } from './assignment-repository';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';
import { queueRepository } from './queue-repository';
import { assignmentView, needView } from './views';

/** A ticket's dispatch: the live assignment, the history with each decision's reasons, what it needs, whether it waits. */
export async function getTicketDispatch(deps: Deps, actor: Actor, idOrNumber: string) {
  const id = await visibleTicketId(deps, actor, idOrNumber);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const pool = await loadPool(q, deps.clock.now());
    const t = (await loadNeeds(q, pool, [id])).get(id);
    if (!t) throw notFound('Ticket');
    const history = await assignmentRepository.history(q, id);
    const names = await userNames(q, history.map((a) => a.user_id));
    const queued = await queueRepository.byTicket(q, id);
    const views = history.map((a) => assignmentView(a, names));
    return {
      current: views.find((a) => LIVE_STATES.includes(a.state)) ?? null,
      history: views,
      need: needView(t),
      queued: queued ? { since: queued.enqueued_at.toISOString(), reason: queued.waiting_reason, batchUntil: queued.batch_until?.toISOString() ?? null } : null,
    };
  });
}
