import type { Queryable } from '../../platform/db/database';
import { peopleNames } from '../identity';
import type { SavedViewRow } from './view-repository';

/** The views with their owners' names (users are identity's: one lookup for all of them). */
export async function ownerNamed<T extends SavedViewRow | undefined>(q: Queryable, rows: T[]): Promise<T[]> {
  const present = rows.filter((r): r is NonNullable<T> => !!r);
  if (!present.length) return rows;
  const { users } = await peopleNames(q, present.map((r) => r.owner_id), []);
  return rows.map((r) => (r ? { ...r, owner_name: users.get(r.owner_id) ?? null } : r));
}
