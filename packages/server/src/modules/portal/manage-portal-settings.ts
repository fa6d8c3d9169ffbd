import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { categoryExists, ticketTypeExists } from '../catalog';
import { requireRole, tenantSlug, type Actor } from '../identity';
import { webFormKeyOf } from '../intake';
import { settingsOf } from './portal-context';
import { portalRepository, type PortalSettingsRow } from './portal-repository';
import { isLogoUrl } from './portal-rules';
import type { PortalSettingsInput } from './schemas';

const view = (s: PortalSettingsRow, slug: string) => ({
  slug,
  enabled: s.enabled,
  title: s.title,
  logoUrl: s.logo_url,
  primaryColor: s.primary_color,
  defaultLocale: s.default_locale,
  channelId: s.channel_id,
  categories: s.categories,
  updatedAt: s.updated_at.getTime() ? s.updated_at.toISOString() : null,
});

/** GET /api/v1/portal-settings: the portal's look and offer (admins). */
export async function getPortalSettings(deps: Deps, actor: Actor) {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => view(await settingsOf(q, actor.tenantId), (await tenantSlug(q, actor.tenantId)) ?? ''));
}

/** PUT /api/v1/portal-settings: sets the portal's look and offer; an enabled portal needs a web form channel to submit through. */
export async function savePortalSettings(deps: Deps, actor: Actor, input: PortalSettingsInput) {
  requireRole(actor, ['admin']);
  if (input.logoUrl && !isLogoUrl(input.logoUrl)) throw invalid('logoUrl', 'Give an https URL of the logo, or upload a PNG, JPEG, WebP or SVG image', 'invalid');
  if (input.logoUrl && input.logoUrl.length > 200_000) throw invalid('logoUrl', 'The logo is too large; use an image of at most 150 KB', 'too_long');
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (input.channelId && !(await webFormKeyOf(q, input.channelId)))
      throw invalid('channelId', 'Pick an enabled web form channel that has a public key (Channels → web form → public key)', 'not_found');
    if (input.enabled && !input.channelId) throw invalid('channelId', 'An enabled portal needs the web form channel its requests are submitted through', 'required');
    for (const [i, c] of input.categories.entries()) {
      if (!(await categoryExists(q, c.categoryId))) throw invalid(`categories.${i}.categoryId`, 'No such category; pick one of the catalog', 'not_found');
      if (c.typeId && !(await ticketTypeExists(q, c.typeId))) throw invalid(`categories.${i}.typeId`, 'No such ticket type; pick one of the catalog', 'not_found');
      if (input.categories.findIndex((x) => x.categoryId === c.categoryId) < i) throw invalid(`categories.${i}.categoryId`, 'This category is listed twice', 'duplicate');
    }
    const row = await portalRepository.save(q, {
      enabled: input.enabled,
      title: input.title,
      logo_url: input.logoUrl,
      primary_color: input.primaryColor,
      default_locale: input.defaultLocale,
      channel_id: input.channelId,
      categories: input.categories,
      updated_at: deps.clock.now(),
    });
    return view(row, (await tenantSlug(q, actor.tenantId)) ?? '');
  });
}
