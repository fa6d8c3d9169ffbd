import type { Queryable } from '../../../platform/db/database';

// dispatch_rules: the tenant's hard rules, in order (the first enabled rule whose conditions match wins).

export interface RuleRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  conditions: Record<string, unknown>;
  requirements: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, position, enabled, conditions, requirements, created_at, updated_at';

export const ruleRepository = {
  /** Every rule of the tenant in order (the assignment side takes the enabled ones). */
  async ordered(q: Queryable): Promise<RuleRow[]> {
    return q.query<RuleRow>(`SELECT ${COLUMNS} FROM dispatch_rules WHERE tenant_id = current_tenant_id() ORDER BY position, created_at, id`);
  },
  async byId(q: Queryable, id: string): Promise<RuleRow | undefined> {
    const [row] = await q.query<RuleRow>(`SELECT ${COLUMNS} FROM dispatch_rules WHERE id = $1`, [id]);
    return row;
  },
  /** Appends a rule after the last one. */
  async insert(q: Queryable, r: Pick<RuleRow, 'id' | 'name' | 'enabled' | 'conditions' | 'requirements'> & { tenant_id: string; now: Date }): Promise<RuleRow> {
    const [row] = await q.query<RuleRow>(
      `INSERT INTO dispatch_rules (id, tenant_id, name, position, enabled, conditions, requirements, created_at, updated_at)
       VALUES ($1, $2, $3, (SELECT coalesce(max(position) + 1, 0) FROM dispatch_rules WHERE tenant_id = $2), $4, $5::jsonb, $6::jsonb, $7, $7)
       RETURNING ${COLUMNS}`,
      [r.id, r.tenant_id, r.name, r.enabled, JSON.stringify(r.conditions), JSON.stringify(r.requirements), r.now],
    );
    return row;
  },
  async update(q: Queryable, id: string, p: { name?: string; enabled?: boolean; conditions?: unknown; requirements?: unknown }, now: Date): Promise<RuleRow | undefined> {
    const [row] = await q.query<RuleRow>(
      `UPDATE dispatch_rules SET name = coalesce($2, name), enabled = coalesce($3, enabled), conditions = coalesce($4::jsonb, conditions),
         requirements = coalesce($5::jsonb, requirements), updated_at = $6
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.name ?? null, p.enabled ?? null, p.conditions ? JSON.stringify(p.conditions) : null, p.requirements ? JSON.stringify(p.requirements) : null, now],
    );
    return row;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM dispatch_rules WHERE id = $1 RETURNING id', [id])).length > 0;
  },
  /** Sets positions 0, 1, 2… in the order of ids. */
  async reorder(q: Queryable, ids: string[], now: Date): Promise<void> {
    await q.query(
      `UPDATE dispatch_rules r SET position = o.n - 1, updated_at = $2 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE r.id = o.id`,
      [ids, now],
    );
  },
};
