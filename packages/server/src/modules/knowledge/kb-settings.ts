import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { KB_MANAGERS, KB_READERS } from './access';
import { reviewAfterDays } from './review-period';
import { settingsRepository } from './settings-repository';

/** The knowledge base's settings: after how many days unchanged a published article is due for review. */
export async function getKbSettings(deps: Deps, actor: Actor): Promise<{ reviewAfterDays: number }> {
  requireRole(actor, KB_READERS);
  return { reviewAfterDays: await deps.db.tenant(actor.tenantId, (q) => reviewAfterDays(q)) };
}

export async function updateKbSettings(deps: Deps, actor: Actor, input: { reviewAfterDays: number }): Promise<{ reviewAfterDays: number }> {
  requireRole(actor, KB_MANAGERS);
  await deps.db.tenant(actor.tenantId, (q) => settingsRepository.save(q, actor.tenantId, input.reviewAfterDays, deps.clock.now()));
  return { reviewAfterDays: input.reviewAfterDays };
}
