import type { Queryable } from '../../platform/db/database';

export interface PlanRow {
  user_id: string;
  day: string;
  stops: { ticketId: string; arriveAt: string; startAt: string; endAt: string; lat: number; lng: number; travelKm: number; slaDueAt?: string; late?: true; reassignFrom?: string }[];
  break: { startAt: string; endAt: string } | null;
  unplanned: { ticketId: string; reason: string }[];
  km: number;
  reason: 'request' | 'team' | 'urgent' | 'assigned';
  planned_at: Date;
}

const COLS = `user_id, to_char(day, 'YYYY-MM-DD') AS day, stops, break, unplanned, km, reason, planned_at`;

export const planRepository = {
  async get(q: Queryable, userId: string, day: string): Promise<PlanRow | undefined> {
    const rows = await q.query<PlanRow>(`SELECT ${COLS} FROM route_plans WHERE tenant_id = current_tenant_id() AND user_id = $1 AND day = $2::date`, [userId, day]);
    return rows[0];
  },

  async put(q: Queryable, p: PlanRow): Promise<void> {
    await q.query(
      `INSERT INTO route_plans (tenant_id, user_id, day, stops, break, unplanned, km, reason, planned_at)
       VALUES (current_tenant_id(), $1, $2::date, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8)
       ON CONFLICT (tenant_id, user_id, day) DO UPDATE SET stops = EXCLUDED.stops, break = EXCLUDED.break,
         unplanned = EXCLUDED.unplanned, km = EXCLUDED.km, reason = EXCLUDED.reason, planned_at = EXCLUDED.planned_at`,
      [p.user_id, p.day, JSON.stringify(p.stops), p.break ? JSON.stringify(p.break) : null, JSON.stringify(p.unplanned), p.km, p.reason, p.planned_at],
    );
  },

  async ofDay(q: Queryable, day: string): Promise<PlanRow[]> {
    return q.query<PlanRow>(`SELECT ${COLS} FROM route_plans WHERE tenant_id = current_tenant_id() AND day = $1::date ORDER BY user_id`, [day]);
  },

  /** Claims an assignment's event for re-planning; false when another process already did. */
  async claim(q: Queryable, eventId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO route_replans (tenant_id, event_id, user_id, planned_at) VALUES (current_tenant_id(), $1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [eventId, userId, at],
    );
    return rows.length === 1;
  },

  async replans(q: Queryable, userId: string): Promise<number> {
    const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM route_replans WHERE tenant_id = current_tenant_id() AND user_id = $1`, [userId]);
    return rows[0].n;
  },
};
