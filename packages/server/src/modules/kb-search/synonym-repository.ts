import type { Queryable } from '../../platform/db/database';

export interface SynonymRow {
  id: string;
  term: string;
  synonyms: string[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, term, synonyms, created_at, updated_at';

export const synonymRepository = {
  async list(q: Queryable): Promise<SynonymRow[]> {
    return q.query<SynonymRow>(`SELECT ${COLUMNS} FROM kb_synonyms WHERE tenant_id = current_tenant_id() ORDER BY lower(term), id`);
  },
  async byId(q: Queryable, id: string): Promise<SynonymRow | undefined> {
    const [row] = await q.query<SynonymRow>(`SELECT ${COLUMNS} FROM kb_synonyms WHERE id = $1`, [id]);
    return row;
  },
  async insert(q: Queryable, r: SynonymRow): Promise<SynonymRow> {
    const [row] = await q.query<SynonymRow>(
      `INSERT INTO kb_synonyms (id, tenant_id, term, synonyms, created_at, updated_at) VALUES ($1, current_tenant_id(), $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [r.id, r.term, r.synonyms, r.created_at, r.updated_at],
    );
    return row;
  },
  async update(q: Queryable, id: string, p: { term?: string; synonyms?: string[]; updatedAt: Date }): Promise<SynonymRow | undefined> {
    const [row] = await q.query<SynonymRow>(
      `UPDATE kb_synonyms SET term = coalesce($2, term), synonyms = coalesce($3, synonyms), updated_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.term ?? null, p.synonyms ?? null, p.updatedAt],
    );
    return row;
  },
  async delete(q: Queryable, id: string): Promise<boolean> {
    return (await q.query('DELETE FROM kb_synonyms WHERE id = $1 RETURNING id', [id])).length > 0;
  },
};
