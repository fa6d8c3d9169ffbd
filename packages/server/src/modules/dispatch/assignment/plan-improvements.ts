import type { Deps } from '../../../platform/deps';
import type { Actor } from '../../identity';
import { requireDispatcher } from './access';
import { moveReason, proposeMoves, round1 } from './improve-moves';
import { loadPool } from './load-pool';

/**
 * 日内优化 suggestions: moves of on-site jobs not started to whoever would do them with less travel,
 * never later in total (engine/improve.ts). Only jobs dispatch decided by itself move: not a dispatcher's
 * choice, a visit booked with the customer, or a job held by the customer's preferred engineer.
 * Nothing is changed; a dispatcher applies the ones they want (apply-improvements.ts).
 */
export async function planImprovements(deps: Deps, actor: Actor) {
  requireDispatcher(actor, '日内优化');
  return deps.db.tenant(actor.tenantId, async (q) => {
    const now = deps.clock.now();
    const pool = await loadPool(q, now);
    const { moves, needs } = await proposeMoves(q, pool);
    const who = (id: string) => ({ id, name: pool.byId.get(id)?.name ?? '' });
    return {
      computedAt: now.toISOString(),
      moves: moves.map((m) => {
        const f = needs.get(m.ticketId)!.facts;
        return {
          ticketId: m.ticketId,
          ticketNumber: Number(f.number),
          title: f.title,
          from: who(m.from),
          to: who(m.to),
          insertBefore: m.insertBefore,
          travelSavedMinutes: round1(m.travelSavedMinutes),
          kmSaved: round1(m.kmSaved),
          lateBefore: round1(m.lateBefore),
          lateAfter: round1(m.lateAfter),
          reason: moveReason(who(m.to).name, m),
        };
      }),
    };
  });
}
