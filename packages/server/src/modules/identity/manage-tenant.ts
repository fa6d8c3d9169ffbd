import type { Deps } from '../../platform/deps';
import type { Actor } from './actor';
import { requireRole } from './require-role';
import { tenantRepository, type TenantRow, type TenantSettings } from './tenant-repository';

const view = (t: TenantRow) => ({ id: t.id, slug: t.slug, name: t.name, settings: t.settings, createdAt: t.created_at.toISOString() });

export async function getCurrentTenant(deps: Deps, actor: Actor) {
  const t = await deps.db.tenant(actor.tenantId, (q) => tenantRepository.current(q));
  return view(t!);
}

export async function updateCurrentTenant(deps: Deps, actor: Actor, input: { name?: string; settings?: TenantSettings }) {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const current = (await tenantRepository.current(q))!;
    const settings = input.settings ? { ...current.settings, ...input.settings } : undefined;
    return view(await tenantRepository.update(q, { name: input.name, settings }));
  });
}
