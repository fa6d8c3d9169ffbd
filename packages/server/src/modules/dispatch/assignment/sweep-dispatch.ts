import type { Deps } from '../../../platform/deps';
import { assignmentRepository } from './assignment-repository';
import { autoImprove } from './auto-improve';
import { drainQueue } from './drain-queue';
import { expireOffers } from './expire-offers';
import { handBack } from './hand-back';
import { withDispatchLock } from './dispatch-transaction';
import { SYSTEM_REASONS } from './reasons';

/**
 * The background round of every tenant with dispatch work: offers past their time expire and go to
 * someone else, people whose shift ended hand back unstarted work, and the queue drains into freed
 * capacity (batch windows that closed are matched), then, where the tenant's policy says so, 日内优化
 * moves jobs not started to whoever is nearer (every AUTO_IMPROVE_EVERY_MIN, worked out outside the
 * lock: auto-improve.ts). Each tenant in its own locked transaction.
 */
export async function sweepDispatch(deps: Deps): Promise<{ tenants: number }> {
  const tenants = await deps.db.system((q) => assignmentRepository.tenantsWithWork(q));
  for (const tenantId of tenants) {
    await withDispatchLock(deps, tenantId, null, async (run) => {
      await expireOffers(run);
      await handBack(run, await assignmentRepository.peopleWithUnstarted(run.q, run.at), { force: false, reason: SYSTEM_REASONS.shiftEnded });
      await drainQueue(run);
    });
    await autoImprove(deps, tenantId);
  }
  return { tenants: tenants.length };
}
