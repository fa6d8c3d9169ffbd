import type { Queryable } from '../../platform/db/database';

// The intelligence module's tables: trained models, the tenant's settings, each ticket's analysis and
// agents' corrections. Only this file touches them.

export type Target = 'category' | 'team' | 'priority';
export const TARGETS: Target[] = ['category', 'team', 'priority'];
/** The ticket field each target labels. */
export const FIELD_OF: Record<Target, 'categoryId' | 'teamId' | 'priority'> = { category: 'categoryId', team: 'teamId', priority: 'priority' };

export interface ModelRow {
  target: Target;
  trained_at: Date;
  examples: number;
  held_out: number;
  accuracy: number | null;
  macro_f1: number | null;
  classes: string[];
  confusion: number[][];
  model: Uint8Array;
  temperature: number;
  feedback_upto: string;
}

export interface SettingsRow {
  threshold: number;
  auto_apply: boolean;
  rules: unknown[];
}

export interface FeedbackRow {
  id: string;
  ticket_id: string;
  target: Target;
  value: string;
  text: string;
}

export const DEFAULT_SETTINGS: SettingsRow = { threshold: 0.5, auto_apply: true, rules: [] };

export const intelligenceRepository = {
  async models(q: Queryable, withBytes: boolean): Promise<ModelRow[]> {
    return q.query<ModelRow>(
      `SELECT target, trained_at, examples, held_out, accuracy, macro_f1, classes, confusion, ${withBytes ? 'model' : "''::bytea AS model"}, temperature, feedback_upto::text
       FROM intelligence_models ORDER BY target`,
    );
  },

  /** When each model was trained and the newest correction: what a cache compares to know it is stale. */
  async versions(q: Queryable): Promise<{ models: string; feedback: string; settings: string }> {
    const [r] = await q.query<{ models: string | null; feedback: string | null; settings: string | null }>(
      `SELECT (SELECT string_agg(target || ':' || trained_at::text, ',' ORDER BY target) FROM intelligence_models) AS models,
              (SELECT max(id)::text FROM intelligence_feedback) AS feedback,
              (SELECT updated_at::text FROM intelligence_settings) AS settings`,
    );
    return { models: r?.models ?? '', feedback: r?.feedback ?? '0', settings: r?.settings ?? '' };
  },

  async saveModel(q: Queryable, tenantId: string, m: Omit<ModelRow, 'feedback_upto'> & { feedback_upto: string }): Promise<void> {
    await q.query(
      `INSERT INTO intelligence_models (tenant_id, target, trained_at, examples, held_out, accuracy, macro_f1, classes, confusion, model, temperature, feedback_upto)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (tenant_id, target) DO UPDATE SET trained_at = excluded.trained_at, examples = excluded.examples, held_out = excluded.held_out,
         accuracy = excluded.accuracy, macro_f1 = excluded.macro_f1, classes = excluded.classes, confusion = excluded.confusion,
         model = excluded.model, temperature = excluded.temperature, feedback_upto = excluded.feedback_upto`,
      [tenantId, m.target, m.trained_at, m.examples, m.held_out, m.accuracy, m.macro_f1, JSON.stringify(m.classes), JSON.stringify(m.confusion), m.model, m.temperature, m.feedback_upto],
    );
  },

  async settings(q: Queryable): Promise<SettingsRow> {
    const [r] = await q.query<SettingsRow>(`SELECT threshold, auto_apply, rules FROM intelligence_settings`);
    return r ?? DEFAULT_SETTINGS;
  },

  async saveSettings(q: Queryable, tenantId: string, s: SettingsRow, at: Date): Promise<SettingsRow> {
    const [r] = await q.query<SettingsRow>(
      `INSERT INTO intelligence_settings (tenant_id, threshold, auto_apply, rules, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id) DO UPDATE SET threshold = excluded.threshold, auto_apply = excluded.auto_apply, rules = excluded.rules, updated_at = excluded.updated_at
       RETURNING threshold, auto_apply, rules`,
      [tenantId, s.threshold, s.auto_apply, JSON.stringify(s.rules), at],
    );
    return r;
  },

  /** Takes the tenant's training lease until `until`; false while another process holds it. */
  async leaseTraining(q: Queryable, tenantId: string, now: Date, until: Date): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO intelligence_settings (tenant_id, training_until, updated_at) VALUES ($1, $3, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET training_until = excluded.training_until
         WHERE intelligence_settings.training_until IS NULL OR intelligence_settings.training_until < $2
       RETURNING tenant_id`,
      [tenantId, now, until],
    );
    return rows.length > 0;
  },

  async releaseTraining(q: Queryable, tenantId: string): Promise<void> {
    await q.query(`UPDATE intelligence_settings SET training_until = NULL WHERE tenant_id = $1`, [tenantId]);
  },

  async addFeedback(q: Queryable, tenantId: string, f: Omit<FeedbackRow, 'id'>, at: Date): Promise<void> {
    await q.query(`INSERT INTO intelligence_feedback (tenant_id, ticket_id, target, value, text, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      tenantId, f.ticket_id, f.target, f.value, f.text, at,
    ]);
  },

  /** Corrections after `afterId`, oldest first (at most `limit`: the newest matter most, so the last ones are kept). */
  async feedbackAfter(q: Queryable, afterId: string, limit: number): Promise<FeedbackRow[]> {
    const rows = await q.query<FeedbackRow>(
      `SELECT id::text, ticket_id, target, value, text FROM intelligence_feedback WHERE id > $1 ORDER BY id DESC LIMIT $2`,
      [afterId, limit],
    );
    return rows.reverse();
  },

  async feedbackCounts(q: Queryable): Promise<Map<Target, number>> {
    const rows = await q.query<{ target: Target; n: number }>(
      `SELECT f.target, count(*)::int AS n FROM intelligence_feedback f
       LEFT JOIN intelligence_models m ON m.tenant_id = f.tenant_id AND m.target = f.target
       WHERE f.id > coalesce(m.feedback_upto, 0) GROUP BY f.target`,
    );
    return new Map(rows.map((r) => [r.target, r.n]));
  },

  async maxFeedbackId(q: Queryable): Promise<string> {
    const [r] = await q.query<{ id: string | null }>(`SELECT max(id)::text AS id FROM intelligence_feedback`);
    return r?.id ?? '0';
  },
};
