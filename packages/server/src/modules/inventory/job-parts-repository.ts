import type { Queryable } from '../../platform/db/database';

// What a ticket has to do with parts: its reservations (预占), the usage the phone recorded (by opId),
// and its settlements — which are also the history part suggestions learn from.

export type ReservationState = 'active' | 'drawn' | 'released';

export interface ReservationRow {
  id: string;
  ticket_id: string;
  part_id: string;
  warehouse_id: string;
  qty: number;
  drawn: number;
  state: ReservationState;
  created_at: Date;
  settled_at: Date | null;
}

export interface UsageRow {
  id: string;
  ticket_id: string;
  op_id: string;
  part_id: string;
  warehouse_id: string | null;
  qty: number;
  state: 'recorded' | 'drawn';
  drawn: number;
  created_at: Date;
  drawn_at: Date | null;
}

const RES = 'id, ticket_id, part_id, warehouse_id, qty, drawn, state, created_at, settled_at';
const USE = 'id, ticket_id, op_id, part_id, warehouse_id, qty, state, drawn, created_at, drawn_at';

export const jobPartsRepository = {
  async insertReservation(q: Queryable, r: { id: string; tenantId: string; ticketId: string; partId: string; warehouseId: string; qty: number; createdBy: string | null; at: Date }): Promise<ReservationRow> {
    const [row] = await q.query<ReservationRow>(
      `INSERT INTO inventory_reservations (id, tenant_id, ticket_id, part_id, warehouse_id, qty, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RES}`,
      [r.id, r.tenantId, r.ticketId, r.partId, r.warehouseId, r.qty, r.createdBy, r.at],
    );
    return row;
  },
  reservationsOf(q: Queryable, ticketId: string): Promise<ReservationRow[]> {
    return q.query<ReservationRow>(`SELECT ${RES} FROM inventory_reservations WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
  },
  /** The ticket's active reservations, locked, in lock order (their stock rows are changed next). */
  activeReservations(q: Queryable, ticketId: string): Promise<ReservationRow[]> {
    return q.query<ReservationRow>(`SELECT ${RES} FROM inventory_reservations WHERE ticket_id = $1 AND state = 'active' ORDER BY warehouse_id, part_id, id FOR UPDATE`, [ticketId]);
  },
  /** Closes an active reservation with what was drawn of it; false when it was not active any more. */
  async settleReservation(q: Queryable, id: string, drawn: number, at: Date): Promise<boolean> {
    const rows = await q.query(
      `UPDATE inventory_reservations SET drawn = $2, state = CASE WHEN $2 > 0 THEN 'drawn' ELSE 'released' END, settled_at = $3 WHERE id = $1 AND state = 'active' RETURNING id`,
      [id, drawn, at],
    );
    return rows.length > 0;
  },
  /** Claims a usage op (its answer stored with it): false when the op was there already. */
  async claimOp(q: Queryable, o: { tenantId: string; opId: string; ticketId: string; answer: unknown; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO inventory_usage_ops (tenant_id, op_id, ticket_id, answer, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING op_id`,
      [o.tenantId, o.opId, o.ticketId, JSON.stringify(o.answer), o.at],
    );
    return rows.length > 0;
  },
  async setOpAnswer(q: Queryable, opId: string, answer: unknown): Promise<void> {
    await q.query(`UPDATE inventory_usage_ops SET answer = $2 WHERE tenant_id = current_tenant_id() AND op_id = $1`, [opId, JSON.stringify(answer)]);
  },
  async op(q: Queryable, opId: string): Promise<{ ticket_id: string; answer: unknown } | undefined> {
    const [row] = await q.query<{ ticket_id: string; answer: unknown }>(`SELECT ticket_id, answer FROM inventory_usage_ops WHERE tenant_id = current_tenant_id() AND op_id = $1`, [opId]);
    return row;
  },
  async insertUsage(q: Queryable, u: { id: string; tenantId: string; ticketId: string; opId: string; partId: string; warehouseId: string | null; qty: number; recordedBy: string | null; at: Date }): Promise<UsageRow> {
    const [row] = await q.query<UsageRow>(
      `INSERT INTO inventory_usage (id, tenant_id, ticket_id, op_id, part_id, warehouse_id, qty, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${USE}`,
      [u.id, u.tenantId, u.ticketId, u.opId, u.partId, u.warehouseId, u.qty, u.recordedBy, u.at],
    );
    return row;
  },
  usageOf(q: Queryable, ticketId: string): Promise<UsageRow[]> {
    return q.query<UsageRow>(`SELECT ${USE} FROM inventory_usage WHERE ticket_id = $1 ORDER BY created_at, id`, [ticketId]);
  },
  /** The ticket's usage not yet drawn, locked. */
  recordedUsage(q: Queryable, ticketId: string): Promise<UsageRow[]> {
    return q.query<UsageRow>(`SELECT ${USE} FROM inventory_usage WHERE ticket_id = $1 AND state = 'recorded' ORDER BY created_at, id FOR UPDATE`, [ticketId]);
  },
  async markDrawn(q: Queryable, id: string, drawn: number, at: Date): Promise<void> {
    await q.query(`UPDATE inventory_usage SET state = 'drawn', drawn = $2, drawn_at = $3 WHERE id = $1 AND state = 'recorded'`, [id, drawn, at]);
  },
  /** Claims the settlement of one resolution; false when it was settled already. */
  async claimSettlement(q: Queryable, s: { tenantId: string; ticketId: string; eventId: string; categoryId: string | null; model: string | null; at: Date }): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO inventory_settlements (tenant_id, ticket_id, event_id, category_id, model, settled_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ticket_id`,
      [s.tenantId, s.ticketId, s.eventId, s.categoryId, s.model, s.at],
    );
    return rows.length > 0;
  },
  /** How many settled jobs (other than this ticket) of the category — and of the model, when given. */
  async jobsOfKind(q: Queryable, f: { categoryId: string; model: string | null; exceptTicketId: string }): Promise<number> {
    const [row] = await q.query<{ n: number }>(
      `SELECT count(DISTINCT ticket_id)::int AS n FROM inventory_settlements
       WHERE tenant_id = current_tenant_id() AND category_id = $1 AND ($2::text IS NULL OR model = $2) AND ticket_id <> $3`,
      [f.categoryId, f.model, f.exceptTicketId],
    );
    return row.n;
  },
  /** Per part: on how many of those jobs it was used, and how many units. */
  partsOfKind(q: Queryable, f: { categoryId: string; model: string | null; exceptTicketId: string }): Promise<{ part_id: string; jobs: number; units: number }[]> {
    return q.query(
      `SELECT u.part_id, count(DISTINCT u.ticket_id)::int AS jobs, sum(u.qty)::int AS units FROM inventory_usage u
       WHERE u.tenant_id = current_tenant_id() AND u.state = 'drawn' AND u.ticket_id <> $3
         AND u.ticket_id IN (SELECT ticket_id FROM inventory_settlements WHERE tenant_id = current_tenant_id() AND category_id = $1 AND ($2::text IS NULL OR model = $2))
       GROUP BY u.part_id`,
      [f.categoryId, f.model, f.exceptTicketId],
    );
  },
};
