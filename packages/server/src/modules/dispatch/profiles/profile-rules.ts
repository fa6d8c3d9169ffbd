import type { Queryable } from '../../../platform/db/database';
import { invalid, notFound } from '../../../platform/errors';
import { userById, type UserProfile } from '../../identity';
import { outletRepository } from './outlet-repository';
import type { ProfileChanges } from './profile-repository';
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

/** The profile's body as row columns (only the fields given); names trimmed, lists without repeats. */
export function profileChanges(input: ProfileInput, now: Date): ProfileChanges {
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
  if (input.shift !== undefined) c.shift = input.shift && { ...input.shift, days: unique(input.shift.days).sort() };
  if (input.capacity !== undefined) c.capacity = input.capacity;
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

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];
