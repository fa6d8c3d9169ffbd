import type { Queryable } from '../../platform/db/database';
import { AppError, invalid } from '../../platform/errors';
import { activeStaffIds } from '../identity';
import type { WarehouseFields } from './warehouse-repository';

/** A van belongs to an engineer; owner and keeper are active staff of the tenant; a position has both coordinates. */
export async function checkWarehouse(q: Queryable, w: WarehouseFields): Promise<WarehouseFields> {
  if (w.kind === 'van' && !w.ownerUserId) throw invalid('ownerUserId', 'A van needs the engineer who drives it', 'required');
  if ((w.lat === null) !== (w.lng === null)) throw invalid(w.lat === null ? 'lat' : 'lng', 'Give both coordinates of the position, or neither', 'required');
  const people = [w.ownerUserId, w.keeperUserId].filter((x): x is string => !!x);
  const staff = new Set(await activeStaffIds(q, people));
  for (const [field, id] of [['ownerUserId', w.ownerUserId], ['keeperUserId', w.keeperUserId]] as const)
    if (id && !staff.has(id)) throw invalid(field, 'Choose an active staff member of this tenant', 'not_staff');
  return { ...w, name: w.name.trim(), address: w.address?.trim() || null };
}

export const warehouseNameTaken = (name: string) => new AppError('CONFLICT', `A warehouse named ${name} already exists`, { field: 'name' });
export const partCodeTaken = (code: string) => new AppError('CONFLICT', `A part with code ${code} already exists`, { field: 'code' });
