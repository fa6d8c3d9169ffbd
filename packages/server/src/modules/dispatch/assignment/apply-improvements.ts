import type { Deps } from '../../../platform/deps';
import type { Actor } from '../../identity';
import { requireDispatcher } from './access';
import { applyMove, type MoveRequest, type Skipped } from './apply-move';
import { withDispatchLock } from './dispatch-transaction';

/**
 * A dispatcher applies 日内优化 moves (usually the suggestions of plan-improvements.ts) in one locked
 * transaction, in order; each is checked again on the state under the lock (apply-move.ts), and one that
 * no longer holds is skipped with its code — the others still apply.
 */
export async function applyImprovements(deps: Deps, actor: Actor, moves: MoveRequest[]): Promise<{ applied: { ticketId: string; to: string }[]; skipped: Skipped[] }> {
  requireDispatcher(actor, '日内优化');
  return withDispatchLock(deps, actor.tenantId, actor, async (run) => {
    const applied: { ticketId: string; to: string }[] = [];
    const skipped: Skipped[] = [];
    for (const m of moves) {
      const skip = await applyMove(run, m);
      if (skip) skipped.push(skip);
      else applied.push({ ticketId: m.ticketId, to: m.to });
    }
    return { applied, skipped };
  });
}
