import type { Deps } from '../../../platform/deps';
import { policyRepository } from '../profiles/policy-repository';
import { applyMove } from './apply-move';
import { withDispatchLock } from './dispatch-transaction';
import { proposeMoves } from './improve-moves';
import type { TicketNeed } from './load-needs';
import { loadPool } from './load-pool';

/** The sweep runs 日内优化 for a tenant at most this often (per process): the interval that did best on the
 * simulator's 69 days (`--improve-every`, docs/DISPATCH-SIMULATOR.md). */
export const AUTO_IMPROVE_EVERY_MIN = 15;

/** tenantId → epoch ms of this process's last automatic run. Two processes may both run: each move is
 * checked again under the dispatch lock (apply-move.ts), so a move already made is only skipped. */
const lastRun = new Map<string, number>();

const autoOn = (t: TicketNeed) => t.policy.auto_improve;

/**
 * 日内优化 by itself, after the sweep's locked round: when the tenant's policy has autoImprove and the last
 * run was AUTO_IMPROVE_EVERY_MIN ago or more, the engine's moves of the jobs whose own policy has it too
 * are worked out on a read of the tenant (outside the dispatch lock: over a thousand engineers the
 * engine takes a fraction of a second, and decisions go on meanwhile), then made as the system
 * ('dispatch') in one locked transaction, each checked again on the state under the lock. The number of
 * moves made.
 */
export async function autoImprove(deps: Deps, tenantId: string): Promise<number> {
  const at = deps.clock.now();
  const last = lastRun.get(tenantId);
  if (last !== undefined && at.getTime() - last < AUTO_IMPROVE_EVERY_MIN * 60_000) return 0;
  const moves = await deps.db.tenant(tenantId, async (q) => {
    const policies = await policyRepository.list(q);
    if (!policies.find((p) => p.scope === 'tenant')?.auto_improve) return null;
    return (await proposeMoves(q, await loadPool(q, at), autoOn)).moves;
  });
  if (moves === null) return 0;
  lastRun.set(tenantId, at.getTime());
  if (!moves.length) return 0;
  return withDispatchLock(deps, tenantId, null, async (run) => {
    let made = 0;
    for (const m of moves) if (!(await applyMove(run, m, autoOn))) made++;
    return made;
  });
}
