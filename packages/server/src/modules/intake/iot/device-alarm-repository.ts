import type { Queryable } from '../../../platform/db/database';

export interface OpenAlarmRow {
  id: string;
  asset_id: string;
  code: string;
  ticket_id: string;
  count: number;
  last_at: Date;
}

export interface DeviceAlarmInsert {
  id: string;
  tenantId: string;
  assetId: string;
  code: string;
  ticketId: string;
  severity: string;
  count: number;
  firstAt: Date;
  lastAt: Date;
  recoveredAt: Date | null;
}

export interface StoredAlarmRow {
  id: string;
  code: string;
  severity: string;
  count: number;
  first_at: Date;
  last_at: Date;
  state: string;
  recovered_at: Date | null;
  ticket_id: string;
}

export const deviceAlarmRepository = {
  /**
   * The open incident and the newest incident (any state) of each of these (asset, code) pairs, read in
   * one statement so both come from one snapshot. Read apart, another worker's new incident could commit
   * between the two: this worker would see no open incident but that incident as the newest, key its
   * ticket after it and open a second ticket for the same incident.
   */
  async current(q: Queryable, pairs: { assetId: string; code: string }[]): Promise<{ open: OpenAlarmRow[]; latest: { id: string; asset_id: string; code: string }[] }> {
    if (!pairs.length) return { open: [], latest: [] };
    const rows = await q.query<OpenAlarmRow & { kind: 'open' | 'latest' }>(
      `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS p(asset_id, code)),
       o AS (SELECT 'open' AS kind, d.id, d.asset_id, d.code, d.ticket_id, d.count, d.last_at
             FROM device_alarms d JOIN p ON d.asset_id = p.asset_id AND d.code = p.code
             WHERE d.tenant_id = current_tenant_id() AND d.state = 'open'),
       l AS (SELECT DISTINCT ON (d.asset_id, d.code) 'latest' AS kind, d.id, d.asset_id, d.code, d.ticket_id, d.count, d.last_at
             FROM device_alarms d JOIN p ON d.asset_id = p.asset_id AND d.code = p.code
             WHERE d.tenant_id = current_tenant_id() ORDER BY d.asset_id, d.code, d.first_at DESC, d.id DESC)
       SELECT * FROM o UNION ALL SELECT * FROM l`,
      [pairs.map((p) => p.assetId), pairs.map((p) => p.code)],
    );
    const strip = ({ kind: _kind, ...row }: OpenAlarmRow & { kind: string }) => row;
    return {
      open: rows.filter((r) => r.kind === 'open').map(strip),
      latest: rows.filter((r) => r.kind === 'latest').map((r) => ({ id: r.id, asset_id: r.asset_id, code: r.code })),
    };
  },
  async expire(q: Queryable, ids: string[]): Promise<void> {
    if (ids.length) await q.query(`UPDATE device_alarms SET state = 'expired' WHERE id = ANY($1::uuid[]) AND state = 'open'`, [ids]);
  },
  async insertMany(q: Queryable, rows: DeviceAlarmInsert[]): Promise<void> {
    if (!rows.length) return;
    await q.query(
      `INSERT INTO device_alarms (id, tenant_id, asset_id, code, ticket_id, severity, count, first_at, last_at, state, recovered_at)
       SELECT u.id, u.tenant_id, u.asset_id, u.code, u.ticket_id, u.severity, u.count, u.first_at, u.last_at,
         CASE WHEN u.recovered_at IS NULL THEN 'open' ELSE 'recovered' END, u.recovered_at
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::uuid[], $6::text[], $7::int[], $8::timestamptz[], $9::timestamptz[], $10::timestamptz[])
         AS u(id, tenant_id, asset_id, code, ticket_id, severity, count, first_at, last_at, recovered_at)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.tenantId),
        rows.map((r) => r.assetId),
        rows.map((r) => r.code),
        rows.map((r) => r.ticketId),
        rows.map((r) => r.severity),
        rows.map((r) => r.count),
        rows.map((r) => r.firstAt),
        rows.map((r) => r.lastAt),
        rows.map((r) => r.recoveredAt),
      ],
    );
  },
  /** Adds repeats to stored incidents and closes those recovered; returns the new counts by id. */
  async update(q: Queryable, rows: { id: string; added: number; lastAt: Date; recoveredAt: Date | null }[]): Promise<Map<string, number>> {
    if (!rows.length) return new Map();
    const out = await q.query<{ id: string; count: number }>(
      `UPDATE device_alarms d SET count = d.count + u.added, last_at = greatest(d.last_at, u.last_at),
         state = CASE WHEN u.recovered_at IS NULL THEN d.state ELSE 'recovered' END, recovered_at = coalesce(u.recovered_at, d.recovered_at)
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[]) AS u(id, added, last_at, recovered_at)
       WHERE d.id = u.id RETURNING d.id, d.count`,
      [rows.map((r) => r.id), rows.map((r) => r.added), rows.map((r) => r.lastAt), rows.map((r) => r.recoveredAt)],
    );
    return new Map(out.map((r) => [r.id, Number(r.count)]));
  },
  /** The assets whose alarms these tickets follow, as (ticket, asset) pairs. */
  async assetsOfTickets(q: Queryable, ticketIds: string[]): Promise<{ ticket_id: string; asset_id: string }[]> {
    if (!ticketIds.length) return [];
    return q.query('SELECT DISTINCT ticket_id, asset_id FROM device_alarms WHERE ticket_id = ANY($1::uuid[])', [ticketIds]);
  },
  /** An asset's incidents, newest first. */
  async forAsset(q: Queryable, assetId: string, limit: number): Promise<StoredAlarmRow[]> {
    return q.query<StoredAlarmRow>(
      `SELECT d.id, d.code, d.severity, d.count, d.first_at, d.last_at, d.state, d.recovered_at, d.ticket_id
       FROM device_alarms d
       WHERE d.tenant_id = current_tenant_id() AND d.asset_id = $1 ORDER BY d.first_at DESC, d.id DESC LIMIT $2`,
      [assetId, limit],
    );
  },
};
