import type { Queryable } from '../../platform/db/database';

export const settingsRepository = {
  async reviewAfterDays(q: Queryable): Promise<number | undefined> {
    const [row] = await q.query<{ review_after_days: number }>(`SELECT review_after_days FROM kb_settings WHERE tenant_id = current_tenant_id()`);
    return row?.review_after_days;
  },
  async save(q: Queryable, tenantId: string, reviewAfterDays: number, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO kb_settings (tenant_id, review_after_days, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET review_after_days = excluded.review_after_days, updated_at = excluded.updated_at`,
      [tenantId, reviewAfterDays, at],
    );
  },
};
