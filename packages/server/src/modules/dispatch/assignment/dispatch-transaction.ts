import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { systemActor, type Actor } from '../../identity';
import { assignmentRepository } from './assignment-repository';
import { loadPool } from './load-pool';
import type { Run } from './record-steps';

/**
 * A tenant transaction holding the tenant's dispatch lock (pg_advisory_xact_lock, released at commit):
 * decisions of all processes about one tenant happen one at a time, each on loads read after the lock.
 */
export async function withDispatchLock<T>(deps: Deps, tenantId: string, actor: Actor | null, fn: (run: Run) => Promise<T>): Promise<T> {
  const at = deps.clock.now();
  return deps.db.tenant(tenantId, async (q: Queryable) => {
    await assignmentRepository.lockTenant(q, tenantId);
    const pool = await loadPool(q, at);
    return fn({ q, tenantId, pool, actor: actor ?? systemActor(tenantId, 'dispatch'), at });
  });
}
