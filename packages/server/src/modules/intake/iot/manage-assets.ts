import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { contactRepository, organizationRepository } from '../../customers';
import { requireRole, STAFF, type Actor } from '../../identity';
import { assetRepository, type AssetFields, type AssetRow } from './asset-repository';
import { deviceAlarmRepository, type AssetAlarmRow } from './device-alarm-repository';

const CURSOR = /^(\d+)\|([0-9a-f-]{36})$/;

async function checkOwner(q: Queryable, f: AssetFields): Promise<void> {
  if (f.ownerContactId && !(await contactRepository.byId(q, f.ownerContactId))) throw notFound('Contact', 'ownerContactId');
  if (f.organizationId && !(await organizationRepository.byId(q, f.organizationId))) throw notFound('Organization', 'organizationId');
}

/** Devices of the tenant, newest first; ?serial= finds one, ?confirmed=false the ones alarms created. */
export async function listAssets(deps: Deps, actor: Actor, f: { serial?: string; confirmed?: boolean; cursor?: string; limit: number }): Promise<{ items: AssetRow[]; nextCursor: string | null }> {
  requireRole(actor, STAFF);
  let before: { at: Date; id: string } | undefined;
  if (f.cursor) {
    const m = CURSOR.exec(Buffer.from(f.cursor, 'base64url').toString());
    if (!m) throw invalid('cursor', 'The cursor is not one this list gave out');
    before = { at: new Date(Number(m[1])), id: m[2] };
  }
  const rows = await deps.db.tenant(actor.tenantId, (q) => assetRepository.list(q, { serial: f.serial, confirmed: f.confirmed, before, limit: f.limit + 1 }));
  const items = rows.slice(0, f.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? Buffer.from(`${last.created_at.getTime()}|${last.id}`).toString('base64url') : null };
}

/** One device with its alarm incidents (newest first) and their tickets. */
export async function getAsset(deps: Deps, actor: Actor, id: string): Promise<{ asset: AssetRow; alarms: AssetAlarmRow[] }> {
  requireRole(actor, STAFF);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const asset = await assetRepository.byId(q, id);
    if (!asset) throw notFound('Asset');
    return { asset, alarms: await deviceAlarmRepository.forAsset(q, id, 200) };
  });
}

/** Registers a device (admins): confirmed at once. */
export async function createAsset(deps: Deps, actor: Actor, input: { serial: string } & AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, input);
    const row = await assetRepository.insert(q, { ...input, id: uuidv7(), tenantId: actor.tenantId, at: deps.clock.now() });
    if (!row) throw new AppError('CONFLICT', `A device with serial ${input.serial} exists already; change or confirm it with PATCH /api/v1/assets/{id}`, { field: 'serial' });
    return row;
  });
}

/** Changes a device (admins): model, name, owner contact, organization; confirmed: true confirms one an alarm created. */
export async function updateAsset(deps: Deps, actor: Actor, id: string, input: AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, input);
    const row = await assetRepository.update(q, id, input, deps.clock.now());
    if (!row) throw notFound('Asset');
    return row;
  });
}
