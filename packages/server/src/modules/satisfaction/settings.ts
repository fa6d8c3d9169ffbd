import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { REPORT_READERS, SETTINGS_WRITERS } from './access';
import { settingsRepository } from './settings-repository';
import type { SurveySettings } from './survey-rules';

export interface SettingsView extends SurveySettings {
  updatedAt: string | null;
}

const toView = (s: SurveySettings & { updatedAt: Date | null }): SettingsView => ({ enabled: s.enabled, npsEnabled: s.npsEnabled, lowScoreThreshold: s.lowScoreThreshold, expiryDays: s.expiryDays, updatedAt: s.updatedAt?.toISOString() ?? null });

/** The tenant's survey settings (supervisors and admins); the defaults until an admin saves them. */
export async function getCsatSettings(deps: Deps, actor: Actor): Promise<SettingsView> {
  requireRole(actor, REPORT_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => toView(await settingsRepository.get(q)));
}

/** Saves the survey settings (admins); they apply to surveys sent from now on. */
export async function putCsatSettings(deps: Deps, actor: Actor, input: SurveySettings): Promise<SettingsView> {
  requireRole(actor, SETTINGS_WRITERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await settingsRepository.put(q, actor.tenantId, input, actor.type === 'user' ? actor.id : null, deps.clock.now());
    return toView(await settingsRepository.get(q));
  });
}
