import type { Queryable } from '../../../platform/db/database';

export interface IncidentRow {
  id: string;
  asset_id: string;
  problem: string;
  rule_id: string | null;
  ticket_id: string | null;
  state: 'open' | 'closed';
  firing: Record<string, unknown>;
  opened_at: Date;
  closed_at: Date | null;
}
const COLUMNS = 'id, asset_id, problem, rule_id, ticket_id, state, firing, opened_at, closed_at';

export const incidentRepository = {
  /** The open incidents of these (asset, problem) pairs. */
  async open(q: Queryable, pairs: { assetId: string; problem: string }[]): Promise<IncidentRow[]> {
    if (!pairs.length) return [];
    return q.query<IncidentRow>(
      `SELECT ${COLUMNS} FROM telemetry_incidents i
        WHERE i.tenant_id = current_tenant_id() AND i.state = 'open'
          AND (i.asset_id, i.problem) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
      [pairs.map((p) => p.assetId), pairs.map((p) => p.problem)],
    );
  },
  /**
   * Claims the open incident of each (asset, problem): a row is returned only for those this call
   * inserted. A concurrent claim of the same pair waits on the unique index and then inserts nothing.
   * Rows are inserted in (asset, problem) order, so two batches claiming the same pairs wait on each
   * other in one order and never deadlock.
   */
  async claim(q: Queryable, tenantId: string, rows: { id: string; assetId: string; problem: string; ruleId: string; firing: unknown; at: Date }[]): Promise<IncidentRow[]> {
    if (!rows.length) return [];
    const sorted = [...rows].sort((a, b) => (a.assetId === b.assetId ? cmp(a.problem, b.problem) : cmp(a.assetId, b.assetId)));
    return q.query<IncidentRow>(
      `INSERT INTO telemetry_incidents (id, tenant_id, asset_id, problem, rule_id, firing, opened_at)
       SELECT id, $1, asset_id, problem, rule_id, firing, opened_at
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::jsonb[], $7::timestamptz[]) WITH ORDINALITY AS x(id, asset_id, problem, rule_id, firing, opened_at, n)
        ORDER BY n
       ON CONFLICT (tenant_id, asset_id, problem) WHERE state = 'open' DO NOTHING
       RETURNING ${COLUMNS}`,
      [tenantId, sorted.map((r) => r.id), sorted.map((r) => r.assetId), sorted.map((r) => r.problem), sorted.map((r) => r.ruleId), sorted.map((r) => JSON.stringify(r.firing)), sorted.map((r) => r.at)],
    );
  },
  /** Closes these open incidents (each at its own time), in id order. */
  async close(q: Queryable, rows: { id: string; at: Date }[]): Promise<void> {
    if (!rows.length) return;
    const sorted = [...rows].sort((a, b) => cmp(a.id, b.id));
    await q.query(
      `UPDATE telemetry_incidents i SET state = 'closed', closed_at = x.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, at)
        WHERE i.id = x.id AND i.state = 'open'`,
      [sorted.map((r) => r.id), sorted.map((r) => r.at)],
    );
  },
  async setTicket(q: Queryable, id: string, ticketId: string): Promise<void> {
    await q.query('UPDATE telemetry_incidents SET ticket_id = $2 WHERE id = $1 AND ticket_id IS NULL', [id, ticketId]);
  },
  async ofAsset(q: Queryable, assetId: string, limit: number): Promise<IncidentRow[]> {
    return q.query<IncidentRow>(`SELECT ${COLUMNS} FROM telemetry_incidents WHERE tenant_id = current_tenant_id() AND asset_id = $1 ORDER BY opened_at DESC LIMIT $2`, [assetId, limit]);
  },
  async list(q: Queryable, state: 'open' | 'closed' | null, limit: number): Promise<IncidentRow[]> {
    return q.query<IncidentRow>(`SELECT ${COLUMNS} FROM telemetry_incidents WHERE tenant_id = current_tenant_id() AND ($1::text IS NULL OR state = $1) ORDER BY opened_at DESC LIMIT $2`, [state, limit]);
  },
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
