import type { Queryable } from '../../../platform/db/database';

// dispatch_positions: the latest position each person's phone reported.

export interface PositionRow {
  user_id: string;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  reported_at: Date;
  received_at: Date;
}

export const positionRepository = {
  /**
   * Keeps the report unless the stored one is newer (phones resend after a lost connection, out of
   * order): one statement, true when it was kept.
   */
  async report(q: Queryable, p: PositionRow & { tenant_id: string }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO dispatch_positions AS d (user_id, tenant_id, lat, lng, accuracy_m, reported_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET lat = EXCLUDED.lat, lng = EXCLUDED.lng, accuracy_m = EXCLUDED.accuracy_m,
         reported_at = EXCLUDED.reported_at, received_at = EXCLUDED.received_at
       WHERE d.reported_at <= EXCLUDED.reported_at
       RETURNING user_id`,
      [p.user_id, p.tenant_id, p.lat, p.lng, p.accuracy_m, p.reported_at, p.received_at],
    );
    return rows.length > 0;
  },
  async listForTenant(q: Queryable): Promise<PositionRow[]> {
    return q.query<PositionRow>(`SELECT user_id, lat, lng, accuracy_m, reported_at, received_at FROM dispatch_positions WHERE tenant_id = current_tenant_id()`);
  },
  async byUser(q: Queryable, userId: string): Promise<PositionRow | undefined> {
    const [row] = await q.query<PositionRow>(`SELECT user_id, lat, lng, accuracy_m, reported_at, received_at FROM dispatch_positions WHERE user_id = $1`, [userId]);
    return row;
  },
};
