import type { TicketNeed } from './load-needs';
import { applyMove } from './apply-move';
import { proposeMoves } from './improve-moves';
import type { Run } from './record-steps';

/** The sweep runs 日内优化 for a tenant at most this often (per process): the interval that did best on the
 * simulator's 69 days (`--improve-every`, docs/DISPATCH-SIMULATOR.md). */
export const AUTO_IMPROVE_EVERY_MIN = 15;

/** tenantId → epoch ms of this process's last automatic run. Two processes may both run: each move is
 * checked again under the dispatch lock (apply-move.ts), so a move already made is only skipped. */
const lastRun = new Map<string, number>();

const autoOn = (t: TicketNeed) => t.policy.auto_improve;

/**
 * 日内优化 by itself, in the sweep's locked transaction: when the tenant's policy has autoImprove and the
 * last run was AUTO_IMPROVE_EVERY_MIN ago or more, the engine's moves of the jobs whose own policy has
 * it too are made as the system ('dispatch'). The number of moves made.
 */
export async function autoImprove(run: Run): Promise<number> {
  const tenantPolicy = run.pool.policies.find((p) => p.scope === 'tenant');
  if (!tenantPolicy?.auto_improve) return 0;
  const last = lastRun.get(run.tenantId);
  if (last !== undefined && run.at.getTime() - last < AUTO_IMPROVE_EVERY_MIN * 60_000) return 0;
  lastRun.set(run.tenantId, run.at.getTime());
  const { moves } = await proposeMoves(run.q, run.pool, autoOn);
  let made = 0;
  for (const m of moves) if (!(await applyMove(run, m, autoOn))) made++;
  return made;
}
