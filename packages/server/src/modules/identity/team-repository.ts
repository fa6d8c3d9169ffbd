import type { Queryable } from '../../platform/db/database';

export interface TeamRow {
  id: string;
  name: string;
  description: string;
  skills: string[];
  member_ids: string[];
  created_at: Date;
}

const SELECT = `SELECT t.id, t.name, t.description, t.skills, t.created_at,
  coalesce((SELECT array_agg(m.user_id) FROM team_members m WHERE m.team_id = t.id), '{}') AS member_ids FROM teams t`;

export const teamRepository = {
  async insert(q: Queryable, t: { id: string; tenantId: string; name: string; description: string; skills: string[] }): Promise<void> {
    await q.query('INSERT INTO teams (id, tenant_id, name, description, skills) VALUES ($1,$2,$3,$4,$5)', [t.id, t.tenantId, t.name, t.description, t.skills]);
  },
  async update(q: Queryable, id: string, p: { name?: string; description?: string; skills?: string[] }): Promise<boolean> {
    const rows = await q.query(
      'UPDATE teams SET name = coalesce($2, name), description = coalesce($3, description), skills = coalesce($4, skills) WHERE id = $1 RETURNING id',
      [id, p.name ?? null, p.description ?? null, p.skills ?? null],
    );
    return rows.length > 0;
  },
  async addMember(q: Queryable, tenantId: string, teamId: string, userId: string): Promise<void> {
    await q.query('INSERT INTO team_members (tenant_id, team_id, user_id) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING', [tenantId, teamId, userId]);
  },
  async setMembers(q: Queryable, tenantId: string, teamId: string, userIds: string[]): Promise<void> {
    await q.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    if (userIds.length)
      await q.query('INSERT INTO team_members (tenant_id, team_id, user_id) SELECT $1, $2, unnest($3::uuid[])', [tenantId, teamId, userIds]);
  },
  /** Replaces the teams a user belongs to. */
  async setUserTeams(q: Queryable, tenantId: string, userId: string, teamIds: string[]): Promise<void> {
    await q.query('DELETE FROM team_members WHERE user_id = $1 AND NOT (team_id = ANY($2::uuid[]))', [userId, teamIds]);
    if (teamIds.length)
      await q.query('INSERT INTO team_members (tenant_id, team_id, user_id) SELECT $1, unnest($3::uuid[]), $2 ON CONFLICT DO NOTHING', [tenantId, userId, teamIds]);
  },
  async byId(q: Queryable, id: string): Promise<TeamRow | undefined> {
    const [row] = await q.query<TeamRow>(`${SELECT} WHERE t.id = $1`, [id]);
    return row;
  },
  async list(q: Queryable): Promise<TeamRow[]> {
    return q.query<TeamRow>(`${SELECT} ORDER BY t.name`);
  },
  async existingIds(q: Queryable, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    return (await q.query<{ id: string }>('SELECT id FROM teams WHERE id = ANY($1::uuid[])', [ids])).map((r) => r.id);
  },
};
