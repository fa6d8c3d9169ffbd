import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireManager } from './access';
import { toWarehouseView, type WarehouseView } from './inventory-views';
import { checkWarehouse, warehouseNameTaken } from './warehouse-rules';
import { warehouseRepository, type WarehouseFields, type WarehouseKind, type WarehouseRow } from './warehouse-repository';

export interface WarehouseInput {
  name?: string;
  kind?: WarehouseKind;
  ownerUserId?: string | null;
  keeperUserId?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  active?: boolean;
}

const fields = (i: WarehouseInput, old?: WarehouseRow): WarehouseFields => ({
  name: i.name ?? old?.name ?? '',
  kind: i.kind ?? old?.kind ?? 'central',
  ownerUserId: i.ownerUserId !== undefined ? i.ownerUserId : (old?.owner_user_id ?? null),
  keeperUserId: i.keeperUserId !== undefined ? i.keeperUserId : (old?.keeper_user_id ?? null),
  address: i.address !== undefined ? i.address : (old?.address ?? null),
  lat: i.lat !== undefined ? i.lat : (old?.lat ?? null),
  lng: i.lng !== undefined ? i.lng : (old?.lng ?? null),
  active: i.active ?? old?.active ?? true,
});

/** Adds a warehouse (admins and supervisors): 中心库, 区域库 or an engineer's van. */
export async function createWarehouse(deps: Deps, actor: Actor, input: WarehouseInput & { name: string; kind: WarehouseKind }): Promise<WarehouseView> {
  requireManager(actor);
  const at = deps.clock.now();
  try {
    return toWarehouseView(
      await deps.db.tenant(actor.tenantId, async (q) => warehouseRepository.insert(q, { ...(await checkWarehouse(q, fields(input))), id: uuidv7(at.getTime()), tenantId: actor.tenantId, at })),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw warehouseNameTaken(input.name.trim());
    throw err;
  }
}

/** Changes a warehouse (admins and supervisors); fields left out keep their value. */
export async function updateWarehouse(deps: Deps, actor: Actor, id: string, input: WarehouseInput): Promise<WarehouseView> {
  requireManager(actor);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  try {
    return toWarehouseView(
      await deps.db.tenant(actor.tenantId, async (q) => {
        const old = await warehouseRepository.byId(q, id);
        if (!old) throw notFound('Warehouse');
        return (await warehouseRepository.update(q, id, { ...(await checkWarehouse(q, fields(input, old))), at: deps.clock.now() }))!;
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw warehouseNameTaken(input.name?.trim() ?? '');
    throw err;
  }
}
