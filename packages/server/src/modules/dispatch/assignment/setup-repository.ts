import type { Queryable } from '../../../platform/db/database';

// Reads of the dispatch set-up the profile use cases write (profiles, positions, customer preferences,
// outlets): the tables are the contract between the two halves of the module. Policies and rules are
// read through the profiles side's own repositories (profiles/policy-repository, rule-repository).

export interface ProfileRow {
  user_id: string;
  skills: Record<string, number>;
  certifications: { name: string; expires: string | null }[];
  regions: string[];
  area: unknown;
  languages: string[];
  product_lines: string[];
  shift: unknown;
  capacity: Record<string, number>;
  daily_limit: Record<string, number>;
  home_lat: number | null;
  home_lng: number | null;
  outlet_id: string | null;
  status: 'available' | 'busy' | 'away' | 'off_shift';
  status_at: Date | null;
}

export interface PositionRow {
  user_id: string;
  lat: number;
  lng: number;
  accuracy_m: number | null;
  reported_at: Date;
}

export interface PreferenceRow {
  preferred_user_ids: string[];
  excluded_user_ids: string[];
}

export const setupRepository = {
  async profiles(q: Queryable): Promise<ProfileRow[]> {
    return q.query<ProfileRow>(
      `SELECT user_id, skills, certifications, regions, area, languages, product_lines, shift, capacity, daily_limit, home_lat, home_lng, outlet_id, status, status_at
       FROM dispatch_profiles WHERE tenant_id = current_tenant_id()`,
    );
  },
  async positions(q: Queryable): Promise<PositionRow[]> {
    return q.query<PositionRow>('SELECT user_id, lat, lng, accuracy_m, reported_at FROM dispatch_positions WHERE tenant_id = current_tenant_id()');
  },
  /** The preferences of these contacts and organizations. */
  async preferences(q: Queryable, contactIds: string[], organizationIds: string[]): Promise<(PreferenceRow & { contact_id: string | null; organization_id: string | null })[]> {
    if (!contactIds.length && !organizationIds.length) return [];
    return q.query(
      `SELECT contact_id, organization_id, preferred_user_ids, excluded_user_ids FROM dispatch_customer_preferences
       WHERE tenant_id = current_tenant_id() AND (contact_id = ANY($1::uuid[]) OR organization_id = ANY($2::uuid[]))`,
      [contactIds, organizationIds],
    );
  },
  async outlets(q: Queryable): Promise<{ id: string; name: string; lat: number; lng: number }[]> {
    return q.query('SELECT id, name, lat, lng FROM dispatch_outlets WHERE tenant_id = current_tenant_id() AND active ORDER BY name');
  },
};
