import type { Deps } from '../../platform/deps';
import { fieldDefinitionsFor, listCategoryRows } from '../catalog';
import { getWebForm, webFormKeyOf } from '../intake';
import { portalBySlug } from './portal-context';

/**
 * GET /api/v1/portal/{slug}: what the portal page needs: the tenant's name, logo, colour and default
 * language, the categories offered with the custom fields of each one's ticket type, and a fresh form
 * token of the web form channel requests go through.
 */
export async function getPortalConfig(deps: Deps, slug: string) {
  const p = await portalBySlug(deps, slug);
  const s = p.settings;
  const { key, categories } = await deps.db.tenant(p.tenantId, async (q) => {
    const key = s.channel_id ? await webFormKeyOf(q, s.channel_id) : undefined;
    const rows = new Map((await listCategoryRows(q)).filter((c) => c.active).map((c) => [c.id, c]));
    const categories = [];
    for (const c of s.categories) {
      const row = rows.get(c.categoryId);
      if (!row) continue;
      const defs = c.typeId ? await fieldDefinitionsFor(q, p.tenantId, c.typeId) : [];
      categories.push({
        id: row.id,
        nameZh: row.name_zh,
        nameEn: row.name_en || row.name_zh,
        typeId: c.typeId,
        fields: defs
          .filter((d) => d.ticket_type_id !== null)
          .map((d) => ({ key: d.key, kind: d.kind, labelZh: d.label_zh, labelEn: d.label_en || d.label_zh, required: d.required, options: d.options.map((o) => ({ value: o.value, labelZh: o.label_zh, labelEn: o.label_en || o.label_zh })) })),
      });
    }
    return { key, categories };
  });
  const form = key ? await getWebForm(deps, key) : undefined;
  return {
    slug: p.slug,
    name: p.name,
    title: s.title || p.name,
    logoUrl: s.logo_url,
    primaryColor: s.primary_color,
    defaultLocale: s.default_locale,
    canSubmit: !!form,
    token: form?.token ?? null,
    minFillSeconds: form?.minFillSeconds ?? 0,
    categories,
  };
}
