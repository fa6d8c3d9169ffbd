import type { Queryable } from '../../../platform/db/database';

// dispatch_profiles: one row per person who has been given dispatch settings.

export interface Certification {
  name: string;
  expires: string | null;
}

export interface ProfileRow {
  user_id: string;
  skills: Record<string, number>;
  certifications: Certification[];
  regions: string[];
  area: unknown;
  languages: string[];
  product_lines: string[];
  shift: { days: number[]; start: string; end: string; followsCalendar?: boolean } | null;
  capacity: { ticket?: number; chat?: number; field?: number };
  /** 每日上限 per kind: their own, over the tenant default */
  daily_limit: { ticket?: number; chat?: number; field?: number };
  home_lat: number | null;
  home_lng: number | null;
  outlet_id: string | null;
  status: 'available' | 'busy' | 'away' | 'off_shift';
  status_at: Date | null;
}

const COLUMNS = `user_id, skills, certifications, regions, area, languages, product_lines, shift, capacity, daily_limit, home_lat, home_lng, outlet_id, status, status_at`;

/** The columns a write may set, by their row name. */
export type ProfileChanges = Partial<Omit<ProfileRow, 'user_id'>>;
const JSON_COLUMNS = new Set(['skills', 'certifications', 'area', 'shift', 'capacity', 'daily_limit']);
const WRITABLE = ['skills', 'certifications', 'regions', 'area', 'languages', 'product_lines', 'shift', 'capacity', 'daily_limit', 'home_lat', 'home_lng', 'outlet_id', 'status', 'status_at'] as const;

export const profileRepository = {
  /** Every profile row of the tenant (the assignment side reads people from here). */
  async listForTenant(q: Queryable): Promise<ProfileRow[]> {
    return q.query<ProfileRow>(`SELECT ${COLUMNS} FROM dispatch_profiles WHERE tenant_id = current_tenant_id()`);
  },
  async byUser(q: Queryable, userId: string, opts: { forUpdate?: boolean } = {}): Promise<ProfileRow | undefined> {
    const [row] = await q.query<ProfileRow>(`SELECT ${COLUMNS} FROM dispatch_profiles WHERE user_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [userId]);
    return row;
  },
  async byUsers(q: Queryable, userIds: string[]): Promise<ProfileRow[]> {
    if (!userIds.length) return [];
    return q.query<ProfileRow>(`SELECT ${COLUMNS} FROM dispatch_profiles WHERE user_id = ANY($1::uuid[])`, [userIds]);
  },
  /** Creates the person's row with the defaults when missing, then sets the given columns; the row after. */
  async upsert(q: Queryable, tenantId: string, userId: string, changes: ProfileChanges, now: Date): Promise<ProfileRow> {
    const cols = WRITABLE.filter((c) => changes[c] !== undefined);
    const values = cols.map((c) => (JSON_COLUMNS.has(c) ? JSON.stringify(changes[c]) : changes[c]));
    const casts = cols.map((c, i) => `$${i + 4}${JSON_COLUMNS.has(c) ? '::jsonb' : ''}`);
    const [row] = await q.query<ProfileRow>(
      `INSERT INTO dispatch_profiles (user_id, tenant_id, created_at, updated_at${cols.map((c) => `, ${c}`).join('')})
       VALUES ($1, $2, $3, $3${casts.map((c) => `, ${c}`).join('')})
       ON CONFLICT (user_id) DO UPDATE SET updated_at = $3${cols.map((c) => `, ${c} = EXCLUDED.${c}`).join('')}
       RETURNING ${COLUMNS}`,
      [userId, tenantId, now, ...values],
    );
    return row;
  },
  /**
   * Sets (level) or removes (null) skills of several people in one statement: missing rows are created,
   * a person's changes apply in the order given. How many people changed.
   */
  async applySkillChanges(q: Queryable, tenantId: string, changes: { userId: string; skill: string; level: number | null }[], now: Date): Promise<number> {
    const perUser = new Map<string, { set: Record<string, number>; drop: string[] }>();
    for (const c of changes) {
      const p = perUser.get(c.userId) ?? { set: {}, drop: [] };
      if (c.level === null) {
        delete p.set[c.skill];
        p.drop.push(c.skill);
      } else {
        p.set[c.skill] = c.level;
        p.drop = p.drop.filter((s) => s !== c.skill);
      }
      perUser.set(c.userId, p);
    }
    const ids = [...perUser.keys()];
    const rows = await q.query<{ user_id: string }>(
      `INSERT INTO dispatch_profiles AS p (user_id, tenant_id, skills, created_at, updated_at)
       SELECT u.id, $2, u.sets, $1, $1 FROM unnest($3::uuid[], $4::jsonb[]) AS u(id, sets)
       ON CONFLICT (user_id) DO UPDATE SET updated_at = $1, skills = (p.skills
         - coalesce((SELECT array_agg(d) FROM jsonb_array_elements_text($5::jsonb -> EXCLUDED.user_id::text) d), '{}'::text[])) || EXCLUDED.skills
       RETURNING user_id`,
      [now, tenantId, ids, ids.map((id) => JSON.stringify(perUser.get(id)!.set)), JSON.stringify(Object.fromEntries(ids.map((id) => [id, perUser.get(id)!.drop])))],
    );
    return rows.length;
  },
  /** Replaces or adds one certification (by name) of a person, creating the row when missing. */
  async putCertification(q: Queryable, tenantId: string, userId: string, cert: Certification, now: Date): Promise<void> {
    await q.query(
      `INSERT INTO dispatch_profiles AS p (user_id, tenant_id, certifications, created_at, updated_at)
       VALUES ($1, $2, jsonb_build_array($3::jsonb), $4, $4)
       ON CONFLICT (user_id) DO UPDATE SET updated_at = $4, certifications =
         coalesce((SELECT jsonb_agg(c) FROM jsonb_array_elements(p.certifications) c WHERE c->>'name' <> $5), '[]'::jsonb) || jsonb_build_array($3::jsonb)`,
      [userId, tenantId, JSON.stringify(cert), now, cert.name],
    );
  },
};
