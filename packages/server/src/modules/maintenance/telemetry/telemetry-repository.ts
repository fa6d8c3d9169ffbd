import type { Queryable } from '../../../platform/db/database';
import type { MetricSeries } from './telemetry-payload';
import type { Reading, RuleParams } from './telemetry-rules';

export interface TelemetryRuleRow {
  id: string;
  model: string | null;
  metric: string;
  problem: string;
  params: RuleParams;
  priority: string;
  active: boolean;
  position: number;
  created_at: Date;
  updated_at: Date;
}
const RULE_COLUMNS = 'id, model, metric, problem, params, priority, active, position, created_at, updated_at';

/** Rows per INSERT (7 parameters each, well under PostgreSQL's 65,535). */
const INSERT_CHUNK = 1000;

export const telemetryRepository = {
  /** One row per (asset, metric) series of a message: its times and values as arrays; many messages in one statement. */
  async insertSeries(q: Queryable, tenantId: string, rows: { assetId: string; series: MetricSeries; receivedAt: Date }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [tenantId];
      const values = chunk.map(({ assetId, series: s, receivedAt }) => {
        params.push(assetId, s.metric, s.at[0], s.at[s.at.length - 1], receivedAt, s.at, s.values);
        const b = params.length - 7;
        return `($1, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::timestamptz[], $${b + 7}::float8[])`;
      });
      await q.query(`INSERT INTO telemetry_batches (tenant_id, asset_id, metric, first_at, last_at, received_at, at, vals) VALUES ${values.join(', ')}`, params);
    }
  },

  /**
   * The readings of each (asset, metric) since its `since`, from at most `maxRows` of its newest rows,
   * oldest first. One statement for all pairs.
   */
  async recent(q: Queryable, pairs: { assetId: string; metric: string; since: Date }[], maxRows: number): Promise<Map<string, Reading[]>> {
    const out = new Map<string, Reading[]>();
    if (!pairs.length) return out;
    const rows = await q.query<{ asset_id: string; metric: string; at: Date; val: number; since: Date }>(
      `SELECT p.asset_id, p.metric, r.at, r.val, p.since
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS p(asset_id, metric, since)
         CROSS JOIN LATERAL (
           SELECT b.at, b.vals FROM telemetry_batches b
            WHERE b.tenant_id = current_tenant_id() AND b.asset_id = p.asset_id AND b.metric = p.metric AND b.last_at >= p.since
            ORDER BY b.last_at DESC LIMIT $4) b
         CROSS JOIN LATERAL unnest(b.at, b.vals) AS r(at, val)
        WHERE r.at >= p.since
        ORDER BY p.asset_id, p.metric, r.at`,
      [pairs.map((p) => p.assetId), pairs.map((p) => p.metric), pairs.map((p) => p.since), maxRows],
    );
    for (const r of rows) {
      const k = seriesKey(r.asset_id, r.metric);
      const list = out.get(k) ?? [];
      list.push({ at: r.at, value: Number(r.val) });
      out.set(k, list);
    }
    return out;
  },

  /** How many readings of the tenant are stored (bench: count them back). */
  async countReadings(q: Queryable): Promise<number> {
    const [r] = await q.query<{ n: string }>('SELECT coalesce(sum(cardinality(vals)), 0)::bigint AS n FROM telemetry_batches WHERE tenant_id = current_tenant_id()');
    return Number(r.n);
  },

  /** Retention: rows whose newest reading is older than `before`, at most `limit` (a bounded step). */
  async deleteOlder(q: Queryable, before: Date, limit: number): Promise<number> {
    const rows = await q.query(
      `DELETE FROM telemetry_batches WHERE ctid IN (SELECT ctid FROM telemetry_batches WHERE tenant_id = current_tenant_id() AND last_at < $1 LIMIT $2) RETURNING 1`,
      [before, limit],
    );
    return rows.length;
  },

  async retentionDays(q: Queryable): Promise<number | null> {
    const [r] = await q.query<{ retention_days: number }>('SELECT retention_days FROM telemetry_settings WHERE tenant_id = current_tenant_id()');
    return r?.retention_days ?? null;
  },
  async setRetentionDays(q: Queryable, tenantId: string, days: number, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO telemetry_settings (tenant_id, retention_days, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET retention_days = excluded.retention_days, updated_at = excluded.updated_at`,
      [tenantId, days, at],
    );
  },

  // rules
  async rulesForModel(q: Queryable, model: string | null): Promise<TelemetryRuleRow[]> {
    return q.query<TelemetryRuleRow>(
      `SELECT ${RULE_COLUMNS} FROM telemetry_rules WHERE tenant_id = current_tenant_id() AND active AND (model IS NULL OR model = $1) ORDER BY position, created_at, id`,
      [model],
    );
  },
  async listRules(q: Queryable): Promise<TelemetryRuleRow[]> {
    return q.query<TelemetryRuleRow>(`SELECT ${RULE_COLUMNS} FROM telemetry_rules WHERE tenant_id = current_tenant_id() ORDER BY position, created_at, id`);
  },
  async insertRule(q: Queryable, r: { id: string; tenantId: string; model: string | null; metric: string; problem: string; params: RuleParams; priority: string; active: boolean; position: number; at: Date }): Promise<TelemetryRuleRow> {
    const [row] = await q.query<TelemetryRuleRow>(
      `INSERT INTO telemetry_rules (id, tenant_id, model, metric, problem, params, priority, active, position, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10) RETURNING ${RULE_COLUMNS}`,
      [r.id, r.tenantId, r.model, r.metric, r.problem, JSON.stringify(r.params), r.priority, r.active, r.position, r.at],
    );
    return row;
  },
  async updateRule(q: Queryable, id: string, r: { model: string | null; metric: string; problem: string; params: RuleParams; priority: string; active: boolean; position: number; at: Date }): Promise<TelemetryRuleRow | undefined> {
    const [row] = await q.query<TelemetryRuleRow>(
      `UPDATE telemetry_rules SET model = $2, metric = $3, problem = $4, params = $5, priority = $6, active = $7, position = $8, updated_at = $9 WHERE id = $1 RETURNING ${RULE_COLUMNS}`,
      [id, r.model, r.metric, r.problem, JSON.stringify(r.params), r.priority, r.active, r.position, r.at],
    );
    return row;
  },
  async getRule(q: Queryable, id: string): Promise<TelemetryRuleRow | undefined> {
    const [row] = await q.query<TelemetryRuleRow>(`SELECT ${RULE_COLUMNS} FROM telemetry_rules WHERE id = $1`, [id]);
    return row;
  },
  async deleteRule(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM telemetry_rules WHERE id = $1 RETURNING 1', [id])).length > 0;
  },
};

export const seriesKey = (assetId: string, metric: string) => `${assetId}\u0000${metric}`;

/** The newest value of each (asset, metric), e.g. a running-hours counter. */
export async function latestValues(q: Queryable, pairs: { assetId: string; metric: string }[]): Promise<Map<string, number>> {
  if (!pairs.length) return new Map();
  const rows = await q.query<{ asset_id: string; metric: string; val: number }>(
    `SELECT p.asset_id, p.metric, b.vals[cardinality(b.vals)] AS val
       FROM unnest($1::uuid[], $2::text[]) AS p(asset_id, metric)
       CROSS JOIN LATERAL (SELECT vals FROM telemetry_batches t WHERE t.tenant_id = current_tenant_id() AND t.asset_id = p.asset_id AND t.metric = p.metric ORDER BY t.last_at DESC LIMIT 1) b`,
    [pairs.map((p) => p.assetId), pairs.map((p) => p.metric)],
  );
  return new Map(rows.map((r) => [seriesKey(r.asset_id, r.metric), Number(r.val)]));
}
