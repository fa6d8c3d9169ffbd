import type { Queryable } from '../../../platform/db/database';
import type { Schedule } from './schedule-rules';

export interface ChecklistItem {
  item: string;
  /** pass/fail, or a measured value (with its unit and accepted range) */
  kind: 'check' | 'value';
  unit?: string;
  min?: number;
  max?: number;
}
export interface PlanRow {
  id: string;
  name: string;
  asset_id: string | null;
  model: string | null;
  schedule: Schedule;
  checklist: ChecklistItem[];
  priority: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}
export interface PlanFields {
  name: string;
  assetId: string | null;
  model: string | null;
  schedule: Schedule;
  checklist: ChecklistItem[];
  priority: string;
  active: boolean;
}
export interface VisitRow {
  id: string;
  plan_id: string;
  asset_id: string;
  due: string;
  ticket_id: string | null;
  created_at: Date;
}

const COLUMNS = 'id, name, asset_id, model, schedule, checklist, priority, active, created_at, updated_at';
const VISIT_COLUMNS = 'id, plan_id, asset_id, due, ticket_id, created_at';

export const planRepository = {
  async insert(q: Queryable, id: string, tenantId: string, f: PlanFields, at: Date): Promise<PlanRow> {
    const [row] = await q.query<PlanRow>(
      `INSERT INTO preventive_plans (id, tenant_id, name, asset_id, model, schedule, checklist, priority, active, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10) RETURNING ${COLUMNS}`,
      [id, tenantId, f.name, f.assetId, f.model, JSON.stringify(f.schedule), JSON.stringify(f.checklist), f.priority, f.active, at],
    );
    return row;
  },
  async update(q: Queryable, id: string, f: PlanFields, at: Date): Promise<PlanRow | undefined> {
    const [row] = await q.query<PlanRow>(
      `UPDATE preventive_plans SET name = $2, asset_id = $3, model = $4, schedule = $5, checklist = $6, priority = $7, active = $8, updated_at = $9 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, f.name, f.assetId, f.model, JSON.stringify(f.schedule), JSON.stringify(f.checklist), f.priority, f.active, at],
    );
    return row;
  },
  async get(q: Queryable, id: string): Promise<PlanRow | undefined> {
    const [row] = await q.query<PlanRow>(`SELECT ${COLUMNS} FROM preventive_plans WHERE id = $1`, [id]);
    return row;
  },
  async list(q: Queryable, o: { active?: boolean; assetId?: string }): Promise<PlanRow[]> {
    return q.query<PlanRow>(
      `SELECT ${COLUMNS} FROM preventive_plans WHERE tenant_id = current_tenant_id() AND ($1::boolean IS NULL OR active = $1) AND ($2::uuid IS NULL OR asset_id = $2) ORDER BY name, id`,
      [o.active ?? null, o.assetId ?? null],
    );
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM preventive_plans WHERE id = $1 RETURNING 1', [id])).length > 0;
  },

  /** The latest due of each (plan, asset) that has visits. */
  async lastDues(q: Queryable, planIds: string[]): Promise<Map<string, string>> {
    if (!planIds.length) return new Map();
    const rows = await q.query<{ plan_id: string; asset_id: string; due: string }>(
      `SELECT DISTINCT ON (plan_id, asset_id) plan_id, asset_id, due FROM plan_visits
        WHERE tenant_id = current_tenant_id() AND plan_id = ANY($1::uuid[])
        ORDER BY plan_id, asset_id, created_at DESC, due DESC`,
      [planIds],
    );
    return new Map(rows.map((r) => [`${r.plan_id}:${r.asset_id}`, r.due]));
  },
  /**
   * Claims visits: only the rows this call inserted come back. Two processes sweeping at once insert
   * the same (plan, asset, due) keys; the unique key lets one win, the other gets nothing.
   */
  async claimVisits(q: Queryable, tenantId: string, rows: { id: string; planId: string; assetId: string; due: string }[], at: Date): Promise<VisitRow[]> {
    if (!rows.length) return [];
    return q.query<VisitRow>(
      `INSERT INTO plan_visits (id, tenant_id, plan_id, asset_id, due, created_at)
       SELECT id, $1, plan_id, asset_id, due, $2 FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[]) AS x(id, plan_id, asset_id, due)
       ON CONFLICT (tenant_id, plan_id, asset_id, due) DO NOTHING RETURNING ${VISIT_COLUMNS}`,
      [tenantId, at, rows.map((r) => r.id), rows.map((r) => r.planId), rows.map((r) => r.assetId), rows.map((r) => r.due)],
    );
  },
  /** Visits claimed before `before` whose ticket was not created (a failure after the claim). */
  async unfinishedVisits(q: Queryable, before: Date, limit: number): Promise<VisitRow[]> {
    return q.query<VisitRow>(`SELECT ${VISIT_COLUMNS} FROM plan_visits WHERE tenant_id = current_tenant_id() AND ticket_id IS NULL AND created_at < $1 ORDER BY created_at LIMIT $2`, [before, limit]);
  },
  async setVisitTicket(q: Queryable, id: string, ticketId: string): Promise<void> {
    await q.query('UPDATE plan_visits SET ticket_id = $2 WHERE id = $1 AND ticket_id IS NULL', [id, ticketId]);
  },
  async visitOfTicket(q: Queryable, ticketId: string): Promise<(VisitRow & { checklist: ChecklistItem[]; plan_name: string }) | undefined> {
    const [row] = await q.query<VisitRow & { checklist: ChecklistItem[]; plan_name: string }>(
      `SELECT v.id, v.plan_id, v.asset_id, v.due, v.ticket_id, v.created_at, p.checklist, p.name AS plan_name
         FROM plan_visits v JOIN preventive_plans p ON p.id = v.plan_id WHERE v.tenant_id = current_tenant_id() AND v.ticket_id = $1`,
      [ticketId],
    );
    return row;
  },
  async visits(q: Queryable, o: { planId?: string; assetId?: string; limit: number }): Promise<VisitRow[]> {
    return q.query<VisitRow>(
      `SELECT ${VISIT_COLUMNS} FROM plan_visits WHERE tenant_id = current_tenant_id() AND ($1::uuid IS NULL OR plan_id = $1) AND ($2::uuid IS NULL OR asset_id = $2) ORDER BY created_at DESC LIMIT $3`,
      [o.planId ?? null, o.assetId ?? null, o.limit],
    );
  },
};
