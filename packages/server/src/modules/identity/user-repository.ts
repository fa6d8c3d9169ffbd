import type { Queryable } from '../../platform/db/database';
import { likePattern } from '../../platform/db/like-pattern';
import type { Role, Scope } from './actor';

export interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  scope: Scope;
  password_hash: string | null;
  locale: string;
  active: boolean;
  contact_id: string | null;
  created_at: Date;
  updated_at: Date;
  team_ids?: string[];
}

const SELECT = `SELECT u.*, coalesce((SELECT array_agg(m.team_id) FROM team_members m WHERE m.user_id = u.id), '{}') AS team_ids FROM users u`;

export const userRepository = {
  async insert(q: Queryable, u: Omit<UserRow, 'created_at' | 'updated_at' | 'active' | 'team_ids'> & { active?: boolean }): Promise<UserRow> {
    const [row] = await q.query<UserRow>(
      `INSERT INTO users (id, tenant_id, email, name, phone, role, scope, password_hash, locale, contact_id, active)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING *, '{}'::uuid[] AS team_ids`,
      [u.id, u.tenant_id, u.email, u.name, u.phone, u.role, u.scope, u.password_hash, u.locale, u.contact_id, u.active ?? true],
    );
    return row;
  },
  async byId(q: Queryable, id: string): Promise<UserRow | undefined> {
    const [row] = await q.query<UserRow>(`${SELECT} WHERE u.id = $1`, [id]);
    return row;
  },
  async byIds(q: Queryable, ids: string[]): Promise<UserRow[]> {
    if (!ids.length) return [];
    return q.query<UserRow>(`${SELECT} WHERE u.id = ANY($1::uuid[])`, [ids]);
  },
  /** System transaction: sign-in candidates across tenants, optionally narrowed to one tenant slug. */
  async signInCandidates(q: Queryable, email: string, tenantSlug?: string): Promise<(UserRow & { tenant_slug: string })[]> {
    return q.query(
      `SELECT u.*, t.slug AS tenant_slug FROM users u JOIN tenants t ON t.id = u.tenant_id
       WHERE lower(u.email) = lower($1) AND u.active AND ($2::text IS NULL OR t.slug = $2) ORDER BY u.created_at LIMIT 5`,
      [email, tenantSlug ?? null],
    );
  },
  /** Active staff of the tenant with these emails (for @mentions). */
  async staffIdsByEmails(q: Queryable, emails: string[]): Promise<string[]> {
    const rows = await q.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = ANY($1::text[]) AND role <> 'customer' AND active`, [emails]);
    return rows.map((r) => r.id);
  },
  /** Users of the tenant with these ids or (case-insensitively) these emails, in one query. */
  async byIdsOrEmails(q: Queryable, ids: string[], emails: string[]): Promise<UserRow[]> {
    if (!ids.length && !emails.length) return [];
    return q.query<UserRow>(`${SELECT} WHERE u.id = ANY($1::uuid[]) OR lower(u.email) = ANY($2::text[])`, [ids, emails.map((e) => e.toLowerCase())]);
  },
  /** Whether a user can be given tickets: exists, active, not a customer. */
  async assignability(q: Queryable, id: string): Promise<'ok' | 'missing' | 'not_assignable'> {
    const [u] = await q.query<{ role: string; active: boolean }>('SELECT role, active FROM users WHERE id = $1', [id]);
    if (!u) return 'missing';
    return u.role === 'customer' || !u.active ? 'not_assignable' : 'ok';
  },
  /** Active users of the tenant with these roles and their teams, by name (dispatch's pool). */
  async activeWithRoles(q: Queryable, roles: Role[]): Promise<UserRow[]> {
    return q.query<UserRow>(`${SELECT} WHERE u.tenant_id = current_tenant_id() AND u.active AND u.role = ANY($1::text[]) ORDER BY u.name, u.id`, [roles]);
  },
  /** Those of these users who are active staff of the tenant (may be notified, may watch). */
  async activeStaffIds(q: Queryable, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await q.query<{ id: string }>(`SELECT id FROM users WHERE id = ANY($1::uuid[]) AND active AND role <> 'customer'`, [ids]);
    return rows.map((r) => r.id);
  },
  /** Names of users and of teams by id, in one query (for lists that show who and which team). */
  async names(q: Queryable, userIds: string[], teamIds: string[]): Promise<{ kind: 'user' | 'team'; id: string; name: string }[]> {
    if (!userIds.length && !teamIds.length) return [];
    return q.query(
      `SELECT 'user' AS kind, id, name FROM users WHERE id = ANY($1::uuid[])
       UNION ALL SELECT 'team', id, name FROM teams WHERE id = ANY($2::uuid[])`,
      [userIds, teamIds],
    );
  },
  /** Portal sign-ins of one contact now sign in as another (contacts merged). */
  async moveContact(q: Queryable, fromId: string, toId: string): Promise<number> {
    return (await q.query('UPDATE users SET contact_id = $2, updated_at = now() WHERE contact_id = $1 RETURNING id', [fromId, toId])).length;
  },
  async list(q: Queryable, f: { role?: Role; q?: string; ids?: string[]; limit: number; offset: number }): Promise<UserRow[]> {
    return q.query<UserRow>(
      `${SELECT} WHERE ($1::text IS NULL OR u.role = $1)
         AND ($2::text IS NULL OR u.name ILIKE $2 OR u.email ILIKE $2)
         AND ($5::uuid[] IS NULL OR u.id = ANY($5::uuid[]))
       ORDER BY u.name LIMIT $3 OFFSET $4`,
      [f.role ?? null, f.q ? likePattern(f.q) : null, f.limit, f.offset, f.ids ?? null],
    );
  },
  async update(q: Queryable, id: string, p: Partial<Pick<UserRow, 'name' | 'phone' | 'role' | 'scope' | 'locale' | 'active' | 'password_hash'>>): Promise<UserRow | undefined> {
    const [row] = await q.query<UserRow>(
      `UPDATE users SET name = coalesce($2, name), phone = coalesce($3, phone), role = coalesce($4, role),
         scope = coalesce($5, scope), locale = coalesce($6, locale), active = coalesce($7, active),
         password_hash = coalesce($8, password_hash), updated_at = now()
       WHERE id = $1 RETURNING *`,
      [id, p.name ?? null, p.phone ?? null, p.role ?? null, p.scope ?? null, p.locale ?? null, p.active ?? null, p.password_hash ?? null],
    );
    return row;
  },
};
