import type { Queryable } from '../../../platform/db/database';
import { invalid, notFound } from '../../../platform/errors';
import { userById, type UserProfile } from '../../identity';
import { outletRepository } from './outlet-repository';
import type { ProfileChanges, ProfileRow } from './profile-repository';
import type { ProfileInput } from './profile-schemas';

/** An active staff member of the tenant (customers and deactivated people have no dispatch profile). */
export async function staffMember(q: Queryable, userId: string, field = 'userId'): Promise<UserProfile> {
  const user = await userById(q, userId);
  if (!user) throw notFound('User', field);
  if (!user.active || user.role === 'customer') throw invalid(field, `${user.name} is not active staff and cannot be dispatched`, 'not_staff');
  return user;
}

export async function checkOutlet(q: Queryable, outletId: string | null | undefined, field = 'outletId'): Promise<void> {
  if (outletId && !(await outletRepository.byId(q, outletId))) throw notFound('Outlet', field);
}

/** The profile's body as row columns (only the fields given); names trimmed, lists without repeats; shift
 * and capacity merged with the stored ones (`before`), so a partial one loses nothing. */
export function profileChanges(input: ProfileInput, now: Date, before?: Pick<ProfileRow, 'shift' | 'capacity' | 'daily_limit'>): ProfileChanges {
  const c: ProfileChanges = {};
  if (input.skills !== undefined) c.skills = input.skills;
  if (input.certifications !== undefined) {
    const names = input.certifications.map((x) => x.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw invalid('certifications', `The certification ${dup} is listed twice; keep one`, 'duplicate', dup);
    c.certifications = input.certifications;
  }
  if (input.regions !== undefined) c.regions = unique(input.regions);
  if (input.area !== undefined) c.area = input.area;
  if (input.languages !== undefined) c.languages = unique(input.languages.map((l) => l.toLowerCase()));
  if (input.productLines !== undefined) c.product_lines = unique(input.productLines);
  if (input.shift !== undefined) c.shift = input.shift && mergeShift(before?.shift ?? null, input.shift);
  if (input.capacity !== undefined) c.capacity = mergeCapacity(before?.capacity ?? {}, input.capacity);
  if (input.dailyLimit !== undefined) c.daily_limit = mergeCapacity(before?.daily_limit ?? {}, input.dailyLimit);
  if (input.home !== undefined) {
    c.home_lat = input.home?.lat ?? null;
    c.home_lng = input.home?.lng ?? null;
  }
  if (input.outletId !== undefined) c.outlet_id = input.outletId;
  if (input.status !== undefined) {
    c.status = input.status;
    c.status_at = now;
  }
  return c;
}

type StoredShift = NonNullable<ProfileRow['shift']>;
type Given<T> = { [K in keyof T]?: T[K] | null | undefined };

/** The stored shift with the given fields over it; a shift made from nothing needs days, start and end. */
export function mergeShift(stored: StoredShift | null, given: Given<StoredShift>): StoredShift {
  const merged: Partial<StoredShift> = { ...stored };
  for (const [k, v] of Object.entries(given)) if (v !== undefined && v !== null) (merged as Record<string, unknown>)[k] = v;
  for (const k of ['days', 'start', 'end'] as const)
    if (merged[k] === undefined) throw invalid(`shift.${k}`, `This person has no shift yet: give days, start and end (${k} is missing)`, 'required');
  const { days, start, end } = merged as StoredShift;
  // 24:00 is midnight at the end of the day: the night-shift reading of 00:00 (or all day from 00:00)
  return { ...merged, days: unique(days).sort(), start, end: end === '24:00' ? '00:00' : end };
}

/** The stored capacity with the given kinds over it; null removes a kind (the tenant default applies). */
export function mergeCapacity(stored: ProfileRow['capacity'], given: Given<ProfileRow['capacity']>): ProfileRow['capacity'] {
  const merged: Record<string, number> = {};
  for (const [k, v] of Object.entries({ ...stored, ...given })) if (typeof v === 'number') merged[k] = v;
  for (const [k, v] of Object.entries(given)) if (v === null) delete merged[k];
  return merged;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
