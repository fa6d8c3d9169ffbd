import type { Queryable } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { contactNames, organizationNames } from '../../customers';
import { requireRole, STAFF, type Actor } from '../../identity';
import { ticketHeadlines, type TicketHeadline } from '../../tickets';
import { assetRepository, type AssetFields, type StoredAssetRow } from './asset-repository';
import { deviceAlarmRepository, type StoredAlarmRow } from './device-alarm-repository';

/** A device with the names of its owner contact and organization. */
export type AssetRow = StoredAssetRow & { owner_name: string | null; organization_name: string | null };

/** An alarm incident of a device with its ticket. */
export type AssetAlarmRow = StoredAlarmRow & { ticket: TicketHeadline };

const CURSOR = /^(\d+)\|([0-9a-f-]{36})$/;

async function checkOwner(q: Queryable, f: AssetFields): Promise<void> {
  if (f.ownerContactId && !(await contactNames(q, [f.ownerContactId])).has(f.ownerContactId)) throw notFound('Contact', 'ownerContactId');
  if (f.organizationId && !(await organizationNames(q, [f.organizationId])).has(f.organizationId)) throw notFound('Organization', 'organizationId');
}

async function withNames(q: Queryable, rows: StoredAssetRow[]): Promise<AssetRow[]> {
  const contacts = await contactNames(q, rows.flatMap((r) => (r.owner_contact_id ? [r.owner_contact_id] : [])));
  const organizations = await organizationNames(q, rows.flatMap((r) => (r.organization_id ? [r.organization_id] : [])));
  return rows.map((r) => ({
    ...r,
    owner_name: r.owner_contact_id ? (contacts.get(r.owner_contact_id) ?? null) : null,
    organization_name: r.organization_id ? (organizations.get(r.organization_id) ?? null) : null,
  }));
}

async function withName(q: Queryable, row: StoredAssetRow): Promise<AssetRow> {
  return (await withNames(q, [row]))[0];
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
  const { rows, items } = await deps.db.tenant(actor.tenantId, async (q) => {
    const rows = await assetRepository.list(q, { serial: f.serial, confirmed: f.confirmed, before, limit: f.limit + 1 });
    return { rows, items: await withNames(q, rows.slice(0, f.limit)) };
  });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? Buffer.from(`${last.created_at.getTime()}|${last.id}`).toString('base64url') : null };
}

/** One device with its alarm incidents (newest first) and their tickets. */
export async function getAsset(deps: Deps, actor: Actor, id: string): Promise<{ asset: AssetRow; alarms: AssetAlarmRow[] }> {
  requireRole(actor, STAFF);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const asset = await assetRepository.byId(q, id);
    if (!asset) throw notFound('Asset');
    const stored = await deviceAlarmRepository.forAsset(q, id, 200);
    const tickets = await ticketHeadlines(q, stored.map((d) => d.ticket_id));
    const alarms = stored.flatMap((d) => {
      const ticket = tickets.get(d.ticket_id);
      return ticket ? [{ ...d, ticket }] : [];
    });
    return { asset: await withName(q, asset), alarms };
  });
}

/** Registers a device (admins): confirmed at once. */
export async function createAsset(deps: Deps, actor: Actor, input: { serial: string } & AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, input);
    const row = await assetRepository.insert(q, { ...input, id: uuidv7(), tenantId: actor.tenantId, at: deps.clock.now() });
    if (!row) throw new AppError('CONFLICT', `A device with serial ${input.serial} exists already; change or confirm it with PATCH /api/v1/assets/{id}`, { field: 'serial' });
    return withName(q, row);
  });
}

/** Changes a device (admins): model, name, owner contact, organization; confirmed: true confirms one an alarm created. */
export async function updateAsset(deps: Deps, actor: Actor, id: string, input: AssetFields): Promise<AssetRow> {
  requireRole(actor, ['admin']);
  return deps.db.tenant(actor.tenantId, async (q) => {
    await checkOwner(q, input);
    const row = await assetRepository.update(q, id, input, deps.clock.now());
    if (!row) throw notFound('Asset');
    return withName(q, row);
  });
}
