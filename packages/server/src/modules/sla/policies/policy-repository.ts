import type { Queryable } from '../../../platform/db/database';
import type { FirstResponseOn, PolicyConditions, SlaPolicy, Targets } from '../rules/sla-types';

// The tenant's SLA policies (in order) and its SLA settings. The only SQL on sla_policies and sla_settings.

interface PolicyRow {
  id: string;
  name: string;
  description: string;
  position: number;
  active: boolean;
  conditions: PolicyConditions;
  calendar_id: string | null;
  targets: Targets;
  warn_remaining: number;
  first_response_on: FirstResponseOn;
  created_at: Date;
  updated_at: Date;
}

export interface StoredPolicy extends SlaPolicy {
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = 'id, name, description, position, active, conditions, calendar_id, targets, warn_remaining, first_response_on, created_at, updated_at';
const toPolicy = (r: PolicyRow): StoredPolicy => ({
  id: r.id,
  name: r.name,
  description: r.description,
  position: r.position,
  active: r.active,
  conditions: r.conditions ?? {},
  calendarId: r.calendar_id,
  targets: r.targets ?? {},
  // stored as real: 0.3 reads back as 0.30000001192…
  warnRemaining: Math.round(Number(r.warn_remaining) * 10_000) / 10_000,
  firstResponseOn: r.first_response_on,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface PolicyValues {
  name: string;
  description: string;
  active: boolean;
  conditions: PolicyConditions;
  calendarId: string | null;
  targets: Targets;
  warnRemaining: number;
  /** absent: 'reply' (the first public staff reply), as before the option existed */
  firstResponseOn?: FirstResponseOn;
}

export const policyRepository = {
  async list(q: Queryable): Promise<StoredPolicy[]> {
    const rows = await q.query<PolicyRow>(`SELECT ${COLUMNS} FROM sla_policies WHERE tenant_id = current_tenant_id() ORDER BY position, created_at`);
    return rows.map(toPolicy);
  },
  async byId(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<StoredPolicy | null> {
    const [r] = await q.query<PolicyRow>(`SELECT ${COLUMNS} FROM sla_policies WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return r ? toPolicy(r) : null;
  },
  /** Whether the tenant has an active policy: a tenant without one pays nothing per ticket event. */
  async anyActive(q: Queryable): Promise<boolean> {
    const rows = await q.query(`SELECT 1 FROM sla_policies WHERE tenant_id = current_tenant_id() AND active LIMIT 1`);
    return rows.length > 0;
  },
  async insert(q: Queryable, tenantId: string, id: string, v: PolicyValues, at: Date): Promise<StoredPolicy> {
    const [r] = await q.query<PolicyRow>(
      `INSERT INTO sla_policies (id, tenant_id, name, description, position, active, conditions, calendar_id, targets, warn_remaining, first_response_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, (SELECT coalesce(max(position) + 1, 0) FROM sla_policies WHERE tenant_id = $2), $5, $6, $7, $8, $9, $11, $10, $10)
       RETURNING ${COLUMNS}`,
      [id, tenantId, v.name, v.description, v.active, JSON.stringify(v.conditions), v.calendarId, JSON.stringify(v.targets), v.warnRemaining, at, v.firstResponseOn ?? 'reply'],
    );
    return toPolicy(r);
  },
  async update(q: Queryable, id: string, v: PolicyValues, at: Date): Promise<StoredPolicy> {
    const [r] = await q.query<PolicyRow>(
      `UPDATE sla_policies SET name = $2, description = $3, active = $4, conditions = $5, calendar_id = $6, targets = $7, warn_remaining = $8, first_response_on = $10, updated_at = $9
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, v.name, v.description, v.active, JSON.stringify(v.conditions), v.calendarId, JSON.stringify(v.targets), v.warnRemaining, at, v.firstResponseOn ?? 'reply'],
    );
    return toPolicy(r);
  },
  async remove(q: Queryable, id: string): Promise<boolean> {
    const rows = await q.query(`DELETE FROM sla_policies WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  },
  /** Positions 0…n-1 in the given order (all of the tenant's policies, locked). */
  async reorder(q: Queryable, ids: string[], at: Date): Promise<void> {
    await q.query(
      `UPDATE sla_policies p SET position = o.n - 1, updated_at = $2
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE p.id = o.id`,
      [ids, at],
    );
  },
  async ids(q: Queryable): Promise<string[]> {
    const rows = await q.query<{ id: string }>(`SELECT id FROM sla_policies WHERE tenant_id = current_tenant_id() ORDER BY position FOR UPDATE`);
    return rows.map((r) => r.id);
  },
};

export const DEFAULT_PAUSE_STATUSES = ['pending', 'on_hold'];

export const settingsRepository = {
  async pauseStatuses(q: Queryable): Promise<string[]> {
    const [r] = await q.query<{ pause_statuses: string[] }>(`SELECT pause_statuses FROM sla_settings WHERE tenant_id = current_tenant_id()`);
    return r ? r.pause_statuses : DEFAULT_PAUSE_STATUSES;
  },
  async put(q: Queryable, tenantId: string, pauseStatuses: string[], at: Date): Promise<void> {
    await q.query(
      `INSERT INTO sla_settings (tenant_id, pause_statuses, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET pause_statuses = excluded.pause_statuses, updated_at = excluded.updated_at`,
      [tenantId, pauseStatuses, at],
    );
  },
};
