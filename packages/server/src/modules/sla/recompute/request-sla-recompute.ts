import type { Queryable } from '../../../platform/db/database';
import { recomputeRepository } from './recompute-repository';

/**
 * Asks for every open ticket's clocks to be recomputed under the policies in force, in the caller's
 * tenant transaction (the policy, settings or calendar change itself): the job's generation is bumped
 * and its cursor reset, so a pass under way starts again from the first ticket. The workers
 * (`recomputeStep`) do the work in chunks; the change commits and answers at once.
 */
export async function requestSlaRecompute(q: Queryable, tenantId: string, now: Date): Promise<void> {
  await recomputeRepository.request(q, tenantId, now);
}
