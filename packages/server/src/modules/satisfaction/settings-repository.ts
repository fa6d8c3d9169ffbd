import type { Queryable } from '../../platform/db/database';
import { DEFAULT_SETTINGS, type SurveySettings } from './survey-rules';

// csat_settings: one row per tenant once an admin saved them; the defaults until then.

interface SettingsRow {
  enabled: boolean;
  nps_enabled: boolean;
  low_score_threshold: number;
  expiry_days: number;
  updated_at: Date;
}

export const settingsRepository = {
  async get(q: Queryable): Promise<SurveySettings & { updatedAt: Date | null }> {
    const [r] = await q.query<SettingsRow>('SELECT enabled, nps_enabled, low_score_threshold, expiry_days, updated_at FROM csat_settings WHERE tenant_id = current_tenant_id()');
    if (!r) return { ...DEFAULT_SETTINGS, updatedAt: null };
    return { enabled: r.enabled, npsEnabled: r.nps_enabled, lowScoreThreshold: r.low_score_threshold, expiryDays: r.expiry_days, updatedAt: r.updated_at };
  },
  async put(q: Queryable, tenantId: string, s: SurveySettings, by: string | null, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO csat_settings (tenant_id, enabled, nps_enabled, low_score_threshold, expiry_days, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id) DO UPDATE SET enabled = $2, nps_enabled = $3, low_score_threshold = $4, expiry_days = $5, updated_by = $6, updated_at = $7`,
      [tenantId, s.enabled, s.npsEnabled, s.lowScoreThreshold, s.expiryDays, by, at],
    );
  },
};
