import type { Queryable } from '../../platform/db/database';

export interface PreferenceRow {
  user_id: string;
  tenant_id: string;
  channels: Record<string, string[]>;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
  updated_at: Date;
}

export const preferenceRepository = {
  async byUsers(q: Queryable, userIds: string[]): Promise<PreferenceRow[]> {
    if (!userIds.length) return [];
    return q.query<PreferenceRow>('SELECT * FROM notification_preferences WHERE user_id = ANY($1::uuid[])', [userIds]);
  },
  async upsert(q: Queryable, p: PreferenceRow): Promise<PreferenceRow> {
    const [row] = await q.query<PreferenceRow>(
      `INSERT INTO notification_preferences (user_id, tenant_id, channels, quiet_start, quiet_end, time_zone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET channels = excluded.channels, quiet_start = excluded.quiet_start,
         quiet_end = excluded.quiet_end, time_zone = excluded.time_zone, updated_at = excluded.updated_at
       RETURNING *`,
      [p.user_id, p.tenant_id, JSON.stringify(p.channels), p.quiet_start, p.quiet_end, p.time_zone, p.updated_at],
    );
    return row;
  },
};
