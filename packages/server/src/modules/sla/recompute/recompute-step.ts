import type { Deps } from '../../../platform/deps';
import { slaOpenTicketIds } from '../../tickets';
import { loadTickets, recomputeClocks } from '../clocks/recompute-clocks';
import { recomputeRepository } from './recompute-repository';

/** Open tickets recomputed per chunk (one tenant transaction). */
export const SLA_RECOMPUTE_BATCH = 500;

export interface RecomputeStepResult {
  /** the tenant whose job advanced (null: no job was free) */
  tenantId: string | null;
  tickets: number;
  finished: boolean;
}

/** How many unfinished jobs are looked at to find one no other worker holds. */
const CANDIDATES = 20;

/**
 * One chunk of the bulk recomputation: the oldest unfinished job no other worker holds (claimed FOR
 * UPDATE SKIP LOCKED, so with several processes each chunk is done by one), its next `chunk` open
 * tickets after the cursor recomputed from their histories with `recomputeClocks`, and the cursor
 * advanced — all in one tenant transaction, so a crash loses nothing and repeats nothing but that chunk
 * (recomputing is idempotent). A chunk shorter than `chunk` ends the pass. A change while the pass runs
 * has reset the cursor (a new generation), so the pass starts again from the first ticket. At most one
 * chunk per call: the caller's loop never holds up the warning and breach sweep for longer.
 */
export async function recomputeStep(deps: Deps, o: { chunk: number }): Promise<RecomputeStepResult> {
  const tenants = await deps.db.system((q) => recomputeRepository.pendingTenants(q, CANDIDATES));
  for (const tenantId of tenants) {
    const done = await deps.db.tenant(tenantId, async (q) => {
      const job = await recomputeRepository.claim(q);
      if (!job) return null;
      const now = deps.clock.now();
      const ids = await slaOpenTicketIds(q, job.cursor_ticket_id, o.chunk);
      if (ids.length) await recomputeClocks(q, tenantId, await loadTickets(q, ids, deps.contractPolicies), now);
      const finished = ids.length < o.chunk;
      await recomputeRepository.advance(q, { generation: job.generation, cursor: ids.at(-1) ?? null, done: ids.length, finished, at: now });
      return { tenantId, tickets: ids.length, finished };
    });
    if (done) return done;
  }
  return { tenantId: null, tickets: 0, finished: false };
}
