import type { Queryable } from '../../platform/db/database';

export interface PortalSettingsRow {
  tenant_id: string;
  enabled: boolean;
  title: string;
  logo_url: string | null;
  primary_color: string;
  default_locale: 'zh-CN' | 'en-US';
  channel_id: string | null;
  categories: { categoryId: string; typeId: string | null }[];
  updated_at: Date;
}

const COLUMNS = 'tenant_id, enabled, title, logo_url, primary_color, default_locale, channel_id, categories, updated_at';

// The portal's settings: one row per tenant (absent: the portal is off, with the defaults).
export const portalRepository = {
  async get(q: Queryable): Promise<PortalSettingsRow | undefined> {
    const [row] = await q.query<PortalSettingsRow>(`SELECT ${COLUMNS} FROM portal_settings WHERE tenant_id = current_tenant_id()`);
    return row;
  },
  async save(q: Queryable, s: Omit<PortalSettingsRow, 'tenant_id'>): Promise<PortalSettingsRow> {
    const [row] = await q.query<PortalSettingsRow>(
      `INSERT INTO portal_settings (tenant_id, enabled, title, logo_url, primary_color, default_locale, channel_id, categories, updated_at)
       VALUES (current_tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id) DO UPDATE SET enabled = $1, title = $2, logo_url = $3, primary_color = $4, default_locale = $5,
         channel_id = $6, categories = $7, updated_at = $8
       RETURNING ${COLUMNS}`,
      [s.enabled, s.title, s.logo_url, s.primary_color, s.default_locale, s.channel_id, JSON.stringify(s.categories), s.updated_at],
    );
    return row;
  },
};
