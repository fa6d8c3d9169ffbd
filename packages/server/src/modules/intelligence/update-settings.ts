import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import type { RoutingRule } from '../intake';
import type { Actor } from '../identity';
import { assertAdmin } from './access';
import { intelligenceRepository } from './intelligence-repository';
import { labelNames } from './label-names';
import { cacheFor } from './model-cache';

export interface UpdateSettingsInput {
  threshold?: number;
  autoApply?: boolean;
  /** cold-start keyword rules: used for a target while it has no trained model */
  rules?: RoutingRule[];
}

/** Changes the confidence threshold, auto-apply and the cold-start keyword rules (admins). */
export async function updateSettings(deps: Deps, actor: Actor, input: UpdateSettingsInput) {
  assertAdmin(actor);
  const s = await deps.db.tenant(actor.tenantId, async (q) => {
    const old = await intelligenceRepository.settings(q);
    const names = await labelNames(q);
    (input.rules ?? []).forEach((r, i) => {
      if (r.categoryId && !names.categories.has(r.categoryId)) throw invalid(`rules.${i}.categoryId`, 'No active category has this id', 'not_found');
      if (r.teamId && !names.teams.has(r.teamId)) throw invalid(`rules.${i}.teamId`, 'No team has this id', 'not_found');
    });
    return intelligenceRepository.saveSettings(
      q,
      actor.tenantId,
      { threshold: input.threshold ?? old.threshold, auto_apply: input.autoApply ?? old.auto_apply, rules: input.rules ?? old.rules },
      deps.clock.now(),
    );
  });
  await cacheFor(deps.db).reload(actor.tenantId);
  return { threshold: s.threshold, autoApply: s.auto_apply, rules: s.rules };
}
