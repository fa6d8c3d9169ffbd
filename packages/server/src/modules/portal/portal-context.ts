import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { tenantBySlug } from '../identity';
import { portalRepository, type PortalSettingsRow } from './portal-repository';

export interface PortalContext {
  tenantId: string;
  slug: string;
  name: string;
  settings: PortalSettingsRow;
}

export const DEFAULT_SETTINGS: Omit<PortalSettingsRow, 'tenant_id' | 'updated_at'> = {
  enabled: false,
  title: '',
  logo_url: null,
  primary_color: '#1677ff',
  default_locale: 'zh-CN',
  channel_id: null,
  categories: [],
};

/** The settings of the tenant in this transaction, with the defaults when never saved. */
export async function settingsOf(q: Queryable, tenantId: string): Promise<PortalSettingsRow> {
  return (await portalRepository.get(q)) ?? { ...DEFAULT_SETTINGS, tenant_id: tenantId, updated_at: new Date(0) };
}

/** The enabled portal of the tenant with this slug, or 404 (an unknown slug and a portal turned off look the same). */
export async function portalBySlug(deps: Deps, slug: string): Promise<PortalContext> {
  const tenant = await deps.db.system((q) => tenantBySlug(q, slug.toLowerCase()));
  if (!tenant) throw notFound(`A portal at "${slug.slice(0, 80)}"`, 'slug');
  const settings = await deps.db.tenant(tenant.id, (q) => settingsOf(q, tenant.id));
  if (!settings.enabled) throw notFound(`A portal at "${slug.slice(0, 80)}"`, 'slug');
  return { tenantId: tenant.id, slug: tenant.slug, name: tenant.name, settings };
}
