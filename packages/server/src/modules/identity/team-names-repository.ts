import type { Queryable } from '../../platform/db/database';

/** The tenant's teams: id → name (what other modules label a team id with). */
async function teamNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.query<{ id: string; name: string }>(`SELECT id, name FROM teams`);
  return new Map(rows.map((t) => [t.id, t.name]));
}

export const teamNamesRepository = { teamNames };
