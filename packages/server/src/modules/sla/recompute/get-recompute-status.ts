import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { ticketCountsByStatus } from '../../tickets';
import { SLA_READERS } from '../policies/access';
import { recomputeRepository } from './recompute-repository';

export interface RecomputeStatus {
  state: 'idle' | 'running';
  generation: number;
  requestedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  ticketsDone: number;
  /** while running: the tickets that are not closed (what the pass walks); idle: 0 */
  ticketsTotal: number;
}

/** The bulk recomputation of the tenant's open clocks: running or idle, and how far (admins and supervisors). */
export async function getRecomputeStatus(deps: Deps, actor: Actor): Promise<RecomputeStatus> {
  requireRole(actor, SLA_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const job = await recomputeRepository.current(q);
    const running = !!job && !job.finished_at;
    const total = running ? Object.entries(await ticketCountsByStatus(q)).reduce((n, [status, c]) => (status === 'closed' ? n : n + c), 0) : 0;
    return {
      state: running ? 'running' : 'idle',
      generation: job?.generation ?? 0,
      requestedAt: job?.requested_at.toISOString() ?? null,
      startedAt: job?.started_at?.toISOString() ?? null,
      finishedAt: job?.finished_at?.toISOString() ?? null,
      ticketsDone: job?.tickets_done ?? 0,
      ticketsTotal: running ? Math.max(total, job.tickets_done) : 0,
    };
  });
}
