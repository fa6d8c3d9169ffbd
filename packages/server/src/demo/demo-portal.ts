import type { Deps } from '../platform/deps';
import type { Actor } from '../modules/identity';
import { getPortalSettings, savePortalSettings } from '../modules/portal';
import type { Catalog } from './demo-catalog';
import type { CategoryKey, TypeKey } from './data';

// The self-service portal (/portal/<slug>): on, through the demo's web form, offering the everyday
// problems with the form of the ticket type that fits each (repairs ask the device model).
const OFFER: [CategoryKey, TypeKey][] = [
  ['printer', 'repair'],
  ['computer', 'repair'],
  ['login', 'consult'],
  ['account', 'consult'],
  ['elevator', 'repair'],
  ['invoice', 'consult'],
  ['refund', 'consult'],
  ['complaint', 'complaint'],
];

/** Turns the portal on unless an administrator already set it up; its path, or null when left alone. */
export async function createDemoPortal(deps: Deps, admin: Actor, o: { catalog: Catalog; webFormId: string }): Promise<string | null> {
  const current = await getPortalSettings(deps, admin);
  if (current.enabled || current.updatedAt) return null;
  const saved = await savePortalSettings(deps, admin, {
    enabled: true,
    title: '华南工单服务中心 · 自助服务',
    logoUrl: null,
    primaryColor: '#1677ff',
    defaultLocale: 'zh-CN',
    channelId: o.webFormId,
    categories: OFFER.map(([c, t]) => ({ categoryId: o.catalog.categoryIds.get(c)!, typeId: o.catalog.typeIds.get(t)! })),
  });
  return `/portal/${saved.slug}`;
}
