import type { Queryable } from '../../../platform/db/database';

export interface ContractRow {
  id: string;
  number: string;
  name: string;
  organization_id: string | null;
  sla_policy_id: string | null;
  visits_per_year: number;
  valid_from: string;
  valid_to: string;
  notes: string | null;
  asset_ids: string[];
  created_at: Date;
  updated_at: Date;
}
export interface ContractFields {
  number: string;
  name: string;
  organizationId: string | null;
  slaPolicyId: string | null;
  visitsPerYear: number;
  validFrom: string;
  validTo: string;
  notes: string | null;
}

const COLUMNS = `c.id, c.number, c.name, c.organization_id, c.sla_policy_id, c.visits_per_year, to_char(c.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to, c.notes, c.created_at, c.updated_at,
  coalesce((SELECT array_agg(a.asset_id ORDER BY a.asset_id) FROM contract_assets a WHERE a.contract_id = c.id), '{}') AS asset_ids`;

export const contractRepository = {
  async insert(q: Queryable, id: string, tenantId: string, f: ContractFields, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO maintenance_contracts (id, tenant_id, number, name, organization_id, sla_policy_id, visits_per_year, valid_from, valid_to, notes, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$11)`,
      [id, tenantId, f.number, f.name, f.organizationId, f.slaPolicyId, f.visitsPerYear, f.validFrom, f.validTo, f.notes, at],
    );
  },
  async update(q: Queryable, id: string, f: ContractFields, at: Date): Promise<boolean> {
    const rows = await q.query(
      `UPDATE maintenance_contracts SET number = $2, name = $3, organization_id = $4, sla_policy_id = $5, visits_per_year = $6, valid_from = $7, valid_to = $8, notes = $9, updated_at = $10 WHERE id = $1 RETURNING 1`,
      [id, f.number, f.name, f.organizationId, f.slaPolicyId, f.visitsPerYear, f.validFrom, f.validTo, f.notes, at],
    );
    return rows.length > 0;
  },
  async setAssets(q: Queryable, tenantId: string, contractId: string, assetIds: string[]): Promise<void> {
    await q.query('DELETE FROM contract_assets WHERE contract_id = $1 AND NOT (asset_id = ANY($2::uuid[]))', [contractId, assetIds]);
    await q.query(
      `INSERT INTO contract_assets (tenant_id, contract_id, asset_id) SELECT $1, $2, a FROM unnest($3::uuid[]) AS a ON CONFLICT DO NOTHING`,
      [tenantId, contractId, assetIds],
    );
  },
  async get(q: Queryable, id: string): Promise<ContractRow | undefined> {
    const [row] = await q.query<ContractRow>(`SELECT ${COLUMNS} FROM maintenance_contracts c WHERE c.id = $1`, [id]);
    return row;
  },
  /** Newest validity end last… by number; `endingBy`: valid on `today` and ending by that day (the expiring filter). */
  async list(q: Queryable, o: { organizationId?: string; assetId?: string; today: string; endingBy?: string; limit: number }): Promise<ContractRow[]> {
    return q.query<ContractRow>(
      `SELECT ${COLUMNS} FROM maintenance_contracts c
        WHERE c.tenant_id = current_tenant_id()
          AND ($1::uuid IS NULL OR c.organization_id = $1)
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM contract_assets a WHERE a.contract_id = c.id AND a.asset_id = $2))
          AND ($4::date IS NULL OR (c.valid_to BETWEEN $3::date AND $4::date AND c.valid_from <= $3::date))
        ORDER BY c.valid_to, c.number LIMIT $5`,
      [o.organizationId ?? null, o.assetId ?? null, o.today, o.endingBy ?? null, o.limit],
    );
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM maintenance_contracts WHERE id = $1 RETURNING 1', [id])).length > 0;
  },
  /** The contract covering each asset on each day (the latest ending one when several do). */
  async activeFor(q: Queryable, items: { key: string; assetId: string; day: string }[]): Promise<{ key: string; id: string; number: string; name: string; sla_policy_id: string | null; valid_to: string }[]> {
    if (!items.length) return [];
    return q.query(
      `SELECT DISTINCT ON (x.key) x.key, c.id, c.number, c.name, c.sla_policy_id, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to
         FROM unnest($1::text[], $2::uuid[], $3::date[]) AS x(key, asset_id, day)
         JOIN contract_assets a ON a.tenant_id = current_tenant_id() AND a.asset_id = x.asset_id
         JOIN maintenance_contracts c ON c.id = a.contract_id AND x.day BETWEEN c.valid_from AND c.valid_to
        ORDER BY x.key, c.valid_to DESC, c.id`,
      [items.map((i) => i.key), items.map((i) => i.assetId), items.map((i) => i.day)],
    );
  },
  /**
   * Claims the contracts whose expiry notice is due on `today` (valid, ending within the notice days,
   * not yet noticed for this end date): marked in the same statement, so each notice is sent once even
   * with two processes sweeping.
   */
  async claimExpiring(q: Queryable, today: string, noticeDays: number, limit: number): Promise<{ id: string; number: string; name: string; valid_to: string }[]> {
    return q.query(
      `UPDATE maintenance_contracts c SET expiry_notified_for = c.valid_to
        WHERE c.id IN (SELECT id FROM maintenance_contracts
                        WHERE tenant_id = current_tenant_id() AND valid_to BETWEEN $1::date AND $1::date + $2::int AND valid_from <= $1::date
                          AND expiry_notified_for IS DISTINCT FROM valid_to
                        ORDER BY valid_to LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING c.id, c.number, c.name, to_char(c.valid_to, 'YYYY-MM-DD') AS valid_to`,
      [today, noticeDays, limit],
    );
  },
  async noticeDays(q: Queryable): Promise<number | null> {
    const [r] = await q.query<{ expiry_notice_days: number }>('SELECT expiry_notice_days FROM maintenance_settings WHERE tenant_id = current_tenant_id()');
    return r?.expiry_notice_days ?? null;
  },
  async setNoticeDays(q: Queryable, tenantId: string, days: number, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO maintenance_settings (tenant_id, expiry_notice_days, updated_at) VALUES ($1,$2,$3)
       ON CONFLICT (tenant_id) DO UPDATE SET expiry_notice_days = excluded.expiry_notice_days, updated_at = excluded.updated_at`,
      [tenantId, days, at],
    );
  },
};
