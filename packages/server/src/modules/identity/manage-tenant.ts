import type { Deps } from '../../platform/deps';
import type { Actor } from './actor';
import { requireRole } from './require-role';
import { tenantRepository, type TenantRow } from './tenant-repository';
import { applySettingsPatch, effectiveSettings, type SettingsPatch } from './tenant-settings';

const view = (t: TenantRow) => ({ id: t.id, slug: t.slug, name: t.name, settings: effectiveSettings(t.settings), createdAt: t.created_at.toISOString() });
export type TenantView = ReturnType<typeof view>;

/** The signed-in user's tenant with its settings, defaults filled in (the console's branding, time zone and languages). */
export async function getCurrentTenant(deps: Deps, actor: Actor): Promise<TenantView> {
  const t = await deps.db.tenant(actor.tenantId, (q) => tenantRepository.current(q));
  return view(t!);
}

/** Renames the tenant or changes its settings (admin): time zone (IANA), languages offered and the default one, logo URL. */
export async function updateCurrentTenant(deps: Deps, actor: Actor, input: { name?: string; settings?: SettingsPatch }): Promise<TenantView> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const current = (await tenantRepository.current(q))!;
    const settings = input.settings ? applySettingsPatch(current.settings, input.settings) : undefined;
    return view(await tenantRepository.update(q, { name: input.name?.trim(), settings }));
  });
}
