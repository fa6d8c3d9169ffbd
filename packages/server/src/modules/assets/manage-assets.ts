import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { contactNames, organizationNames } from '../customers';
import { requireRole, type Actor } from '../identity';
import { readAsset } from './list-assets';
import type { AssetRow } from './asset-names';
import { assetRepository, type AssetFields, type StoredAssetRow } from './asset-repository';
import { parentProblem, positionComplete } from './asset-rules';

/** The owner, organization and parent must be the tenant's; the parent must not be the asset or below it; both coordinates or neither. */
async function check(q: Queryable, f: AssetFields, before?: StoredAssetRow): Promise<void> {
  if (f.ownerContactId && !(await contactNames(q, [f.ownerContactId])).has(f.ownerContactId)) throw notFound('Contact', 'ownerContactId');
  if (f.organizationId && !(await organizationNames(q, [f.organizationId])).has(f.organizationId)) throw notFound('Organization', 'organizationId');
  if (f.parentId) {
    if (!(await assetRepository.byId(q, f.parentId))) throw invalid('parentId', 'There is no asset with this id to be the parent', 'not_found', f.parentId);
    if (before && parentProblem(before.id, f.parentId, await assetRepository.ancestorIds(q, f.parentId)))
      throw invalid('parentId', 'That parent is this asset or one of the assets below it', 'cycle');
  }
  const lat = f.lat !== undefined ? f.lat : (before?.lat ?? null);
  const lng = f.lng !== undefined ? f.lng : (before?.lng ?? null);
  if (!positionComplete(lat, lng)) throw invalid(lat === null ? 'lat' : 'lng', 'Give both latitude and longitude, or neither', 'required');
  const installed = f.installedOn !== undefined ? f.installedOn : (before?.installed_on ?? null);
  const warranty = f.warrantyEnd !== undefined ? f.warrantyEnd : (before?.warranty_end ?? null);
  if (installed && warranty && warranty < installed) throw invalid('warrantyEnd', 'The warranty cannot end before the installation date', 'out_of_range');
}

/** Registers an asset (admins): confirmed at once. */
export async function createAsset(deps: Deps, actor: Actor, input: { serial: string } & AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await check(q, input);
    const row = await assetRepository.insert(q, { ...input, id: uuidv7(deps.clock.now().getTime()), tenantId: actor.tenantId, at: deps.clock.now() });
    if (!row) throw new AppError('CONFLICT', `An asset with serial ${input.serial} exists already; change or confirm it with PATCH /api/v1/assets/{id}`, { field: 'serial' });
    return readAsset(deps, q, row);
  });
}

/** Changes an asset (admins); confirmed: true confirms one an alarm created. */
export async function updateAsset(deps: Deps, actor: Actor, id: string, input: AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const before = await assetRepository.byId(q, id);
    if (!before) throw notFound('Asset');
    await check(q, input, before);
    return readAsset(deps, q, (await assetRepository.update(q, id, input, deps.clock.now()))!);
  });
}

/** Removes an asset (admins): its tickets stay (without the asset), its children lose their parent, its alarm incidents go. */
export async function deleteAsset(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin']);
  await deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await assetRepository.remove(q, id))) throw notFound('Asset');
  });
}
