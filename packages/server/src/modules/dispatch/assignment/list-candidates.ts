import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import type { Actor } from '../../identity';
import { rank } from '../engine';
import { visibleTicketId } from './access';
import { assignmentRepository } from './assignment-repository';
import { candidateView, weightsOf } from './decision-view';
import { loadNeeds } from './load-needs';
import { loadPool } from './load-pool';
import { outletOptions } from './outlet-target';
import { needView } from './views';

/** The live ranking for the recommendation panel (推荐): who holds the ticket now; eligible people best first with their terms, load and position; who is excluded and why; the nearest outlets. */
export async function listCandidates(deps: Deps, actor: Actor, idOrNumber: string) {
  const id = await visibleTicketId(deps, actor, idOrNumber);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const now = deps.clock.now();
    const pool = await loadPool(q, now);
    const t = (await loadNeeds(q, pool, [id])).get(id);
    if (!t) throw notFound('Ticket');
    const ctx = pool.ctx(t.policy);
    const weights = weightsOf(t.policy);
    // who holds it now: picking someone else is a 改派 (the panel says so). The holder is weighed as if the
    // ticket were not theirs yet — its trip, its place in their day and its load counted once, as for
    // everyone else — or they would look 0 km away and always best.
    const live = await assignmentRepository.live(q, id);
    if (live) pool.give(live.user_id, id, { ...live, done: false });
    const ranking = rank(pool.people, t.need, ctx, weights);
    return {
      need: needView(t),
      current: live ? { userId: live.user_id, name: pool.byId.get(live.user_id)?.name ?? '', state: live.state } : null,
      candidates: ranking.candidates.slice(0, 20).map((c) => {
        const p = pool.byId.get(c.personId)!;
        return {
          ...candidateView(c, pool.byId),
          load: p.load,
          capacity: p.capacity,
          status: p.status,
          position: p.position
            ? { lat: p.position.at[0], lng: p.position.at[1], accuracyM: p.position.accuracyM, reportedAt: p.position.reportedAt.toISOString(), stale: now.getTime() - p.position.reportedAt.getTime() > ctx.positionStaleMs }
            : null,
        };
      }),
      excluded: ranking.excluded.slice(0, 50).map((e) => ({ userId: e.personId, name: pool.byId.get(e.personId)?.name ?? '', reasons: e.reasons.map((r) => ({ rule: r.rule, detail: r.detail })) })),
      outlets: outletOptions(pool, t.need, ctx, weights),
    };
  });
}
