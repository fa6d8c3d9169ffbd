import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { requestSlaRecompute } from '../recompute/request-sla-recompute';
import { SLA_READERS, SLA_WRITERS } from './access';
import { settingsRepository } from './policy-repository';

/** The statuses that stop the clocks (admins and supervisors read). */
export async function getSlaSettings(deps: Deps, actor: Actor): Promise<{ pauseStatuses: string[] }> {
  requireRole(actor, SLA_READERS);
  return { pauseStatuses: await deps.db.tenant(actor.tenantId, (q) => settingsRepository.pauseStatuses(q)) };
}

/** Sets the statuses that stop the clocks (admins); new, open, resolved and closed cannot pause. Open tickets are recomputed in the background. */
export async function putSlaSettings(deps: Deps, actor: Actor, input: { pauseStatuses: string[] }): Promise<{ pauseStatuses: string[] }> {
  requireRole(actor, SLA_WRITERS);
  const wrong = input.pauseStatuses.find((s) => !['pending', 'on_hold'].includes(s));
  if (wrong) throw invalid('pauseStatuses', `Status ${wrong} cannot pause the clocks: choose among pending (待客户反馈) and on_hold (挂起)`, 'not_allowed', wrong);
  const statuses = [...new Set(input.pauseStatuses)];
  await deps.db.tenant(actor.tenantId, async (q) => {
    await requestSlaRecompute(q, actor.tenantId, deps.clock.now());
    await settingsRepository.put(q, actor.tenantId, statuses, deps.clock.now());
  });
  return { pauseStatuses: statuses };
}
