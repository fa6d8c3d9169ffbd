import type { Queryable } from '../../platform/db/database';
import type { Action, Conditions } from './rule-schema';

export interface RuleRow {
  id: string;
  tenant_id: string;
  name: string;
  description: string;
  kind: 'trigger' | 'time';
  position: number;
  active: boolean;
  events: string[];
  conditions: Conditions;
  actions: Action[];
  builtin: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export type NewRule = Omit<RuleRow, 'position'>;

const COLUMNS = 'id, tenant_id, name, description, kind, position, active, events, conditions, actions, builtin, created_by, created_at, updated_at';

export const ruleRepository = {
  list(q: Queryable, f: { kind?: string; activeOnly?: boolean } = {}): Promise<RuleRow[]> {
    return q.query<RuleRow>(
      `SELECT ${COLUMNS} FROM automation_rules WHERE tenant_id = current_tenant_id()
         AND ($1::text IS NULL OR kind = $1) AND (NOT $2 OR active) ORDER BY kind DESC, position, created_at`,
      [f.kind ?? null, f.activeOnly ?? false],
    );
  },

  async byId(q: Queryable, id: string): Promise<RuleRow | undefined> {
    const [row] = await q.query<RuleRow>(`SELECT ${COLUMNS} FROM automation_rules WHERE id = $1`, [id]);
    return row;
  },

  async nameTaken(q: Queryable, name: string, exceptId: string | null): Promise<boolean> {
    const rows = await q.query(`SELECT 1 FROM automation_rules WHERE tenant_id = current_tenant_id() AND name = $1 AND ($2::uuid IS NULL OR id <> $2)`, [name, exceptId]);
    return rows.length > 0;
  },

  /** Inserts at the end of its kind's order; false when the name (or the builtin) exists already. */
  async insert(q: Queryable, r: NewRule): Promise<boolean> {
    const rows = await q.query(
      `INSERT INTO automation_rules (id, tenant_id, name, description, kind, position, active, events, conditions, actions, builtin, created_by, created_at, updated_at)
       SELECT $1, $2, $3, $4, $5, coalesce((SELECT max(position) + 1 FROM automation_rules WHERE tenant_id = $2 AND kind = $5), 0), $6, $7, $8, $9, $10, $11, $12, $12
       ON CONFLICT DO NOTHING RETURNING id`,
      [r.id, r.tenant_id, r.name, r.description, r.kind, r.active, r.events, JSON.stringify(r.conditions), JSON.stringify(r.actions), r.builtin, r.created_by, r.created_at],
    );
    return rows.length > 0;
  },

  async update(q: Queryable, id: string, r: Pick<RuleRow, 'name' | 'description' | 'kind' | 'active' | 'events' | 'conditions' | 'actions' | 'updated_at'>): Promise<void> {
    await q.query(
      `UPDATE automation_rules SET name = $2, description = $3, kind = $4, active = $5, events = $6, conditions = $7, actions = $8, updated_at = $9 WHERE id = $1`,
      [id, r.name, r.description, r.kind, r.active, r.events, JSON.stringify(r.conditions), JSON.stringify(r.actions), r.updated_at],
    );
  },

  async remove(q: Queryable, id: string): Promise<boolean> {
    return (await q.query(`DELETE FROM automation_rules WHERE id = $1 RETURNING id`, [id])).length > 0;
  },

  /** The ids of a kind's rules, locked, in their order. */
  async idsOfKind(q: Queryable, kind: string): Promise<string[]> {
    const rows = await q.query<{ id: string }>(`SELECT id FROM automation_rules WHERE tenant_id = current_tenant_id() AND kind = $1 ORDER BY position, created_at FOR UPDATE`, [kind]);
    return rows.map((r) => r.id);
  },

  async setPositions(q: Queryable, ids: string[], at: Date): Promise<void> {
    await q.query(
      `UPDATE automation_rules r SET position = o.pos - 1, updated_at = $2 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, pos) WHERE r.id = o.id`,
      [ids, at],
    );
  },
};
