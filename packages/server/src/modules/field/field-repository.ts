import type { Queryable } from '../../platform/db/database';
import type { StepKind, VisitResult, VisitStateName } from './step-rules';

// The field module's tables: settings, visits and steps. The only file of the module with SQL.

export interface VisitRow {
  id: string;
  ticket_id: string;
  user_id: string | null;
  seq: number;
  window_start: Date | null;
  window_end: Date | null;
  state: VisitStateName;
  departed_at: Date | null;
  checked_in_at: Date | null;
  completed_at: Date | null;
  result: VisitResult | null;
}

export interface StepRow {
  id: string;
  ticket_id: string;
  visit_id: string;
  user_id: string | null;
  op_id: string;
  kind: StepKind;
  at: Date;
  received_at: Date;
  lat: number | null;
  lng: number | null;
  accuracy_m: number | null;
  distance_m: number | null;
  flagged: boolean;
  text: string | null;
  file_id: string | null;
  result: VisitResult | null;
  request_hash: string;
  answer: Record<string, unknown>;
}

const VISIT = 'id, ticket_id, user_id, seq, window_start, window_end, state, departed_at, checked_in_at, completed_at, result';
const STEP = 'id, ticket_id, visit_id, user_id, op_id, kind, at, received_at, lat, lng, accuracy_m, distance_m, flagged, text, file_id, result, request_hash, answer';

export const fieldRepository = {
  /** Serialises the steps of one ticket (released at commit). */
  async lockTicket(q: Queryable, ticketId: string): Promise<void> {
    await q.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 47))', [`field:${ticketId}`]);
  },

  async checkInRadius(q: Queryable): Promise<number> {
    const [row] = await q.query<{ r: number }>('SELECT check_in_radius_m AS r FROM field_settings WHERE tenant_id = current_tenant_id()');
    return row?.r ?? 500;
  },

  async setCheckInRadius(q: Queryable, tenantId: string, radiusM: number, at: Date): Promise<void> {
    await q.query(
      `INSERT INTO field_settings (tenant_id, check_in_radius_m, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET check_in_radius_m = EXCLUDED.check_in_radius_m, updated_at = EXCLUDED.updated_at`,
      [tenantId, radiusM, at],
    );
  },

  async stepByOp(q: Queryable, opId: string): Promise<StepRow | undefined> {
    const [row] = await q.query<StepRow>(`SELECT ${STEP} FROM field_steps WHERE tenant_id = current_tenant_id() AND op_id = $1`, [opId]);
    return row;
  },

  async openVisit(q: Queryable, ticketId: string): Promise<VisitRow | undefined> {
    const [row] = await q.query<VisitRow>(`SELECT ${VISIT} FROM field_visits WHERE ticket_id = $1 AND state <> 'done'`, [ticketId]);
    return row;
  },

  /** Minutes from 签到 to 完工 of the visits completed since `since` (under a day: a longer one was left open). */
  async onSiteMinutes(q: Queryable, since: Date): Promise<{ ticket_id: string; minutes: number }[]> {
    return q.query(
      `SELECT ticket_id, extract(epoch FROM completed_at - checked_in_at)::float8 / 60 AS minutes FROM field_visits
       WHERE tenant_id = current_tenant_id() AND state = 'done' AND completed_at >= $1 AND checked_in_at IS NOT NULL
         AND completed_at > checked_in_at AND completed_at - checked_in_at < interval '1 day'`,
      [since],
    );
  },

  /** The open visits of these tickets that have a booked window (预约上门). */
  async bookedOpenVisits(q: Queryable, ticketIds: string[]): Promise<VisitRow[]> {
    if (!ticketIds.length) return [];
    return q.query<VisitRow>(`SELECT ${VISIT} FROM field_visits WHERE ticket_id = ANY($1::uuid[]) AND state <> 'done' AND window_start IS NOT NULL AND window_end IS NOT NULL`, [ticketIds]);
  },

  async lastSeq(q: Queryable, ticketId: string): Promise<number> {
    const [row] = await q.query<{ n: number }>('SELECT coalesce(max(seq), 0)::int AS n FROM field_visits WHERE ticket_id = $1', [ticketId]);
    return row.n;
  },

  async insertVisit(q: Queryable, v: VisitRow & { tenant_id: string; created_at: Date }): Promise<VisitRow> {
    const [row] = await q.query<VisitRow>(
      `INSERT INTO field_visits (id, tenant_id, ticket_id, user_id, seq, window_start, window_end, state, departed_at, checked_in_at, completed_at, result, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${VISIT}`,
      [v.id, v.tenant_id, v.ticket_id, v.user_id, v.seq, v.window_start, v.window_end, v.state, v.departed_at, v.checked_in_at, v.completed_at, v.result, v.created_at],
    );
    return row;
  },

  async updateVisit(q: Queryable, id: string, set: Partial<Pick<VisitRow, 'user_id' | 'state' | 'departed_at' | 'checked_in_at' | 'completed_at' | 'result' | 'window_start' | 'window_end'>>, at: Date): Promise<void> {
    const cols = Object.keys(set);
    if (!cols.length) return;
    await q.query(`UPDATE field_visits SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = $${cols.length + 2} WHERE id = $1`, [id, ...Object.values(set), at]);
  },

  async insertStep(q: Queryable, s: StepRow & { tenant_id: string }): Promise<void> {
    await q.query(
      `INSERT INTO field_steps (${STEP}, tenant_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [s.id, s.ticket_id, s.visit_id, s.user_id, s.op_id, s.kind, s.at, s.received_at, s.lat, s.lng, s.accuracy_m, s.distance_m, s.flagged, s.text, s.file_id, s.result, s.request_hash, JSON.stringify(s.answer), s.tenant_id],
    );
  },

  async stepsOfTicket(q: Queryable, ticketId: string): Promise<StepRow[]> {
    return q.query<StepRow>(`SELECT ${STEP} FROM field_steps WHERE ticket_id = $1 ORDER BY received_at, id`, [ticketId]);
  },

  /** The visits of these tickets, newest first per ticket. */
  async visitsOfTickets(q: Queryable, ticketIds: string[]): Promise<VisitRow[]> {
    if (!ticketIds.length) return [];
    return q.query<VisitRow>(`SELECT ${VISIT} FROM field_visits WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, seq DESC`, [ticketIds]);
  },
};
