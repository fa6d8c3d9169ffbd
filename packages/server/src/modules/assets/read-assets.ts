import type { Queryable } from '../../platform/db/database';
import { uuidv7 } from '../../platform/ids';
import { assetRepository } from './asset-repository';
import { assetRefOf, siteOfAsset, type AssetRef } from './asset-rules';

// Asset look-ups for other modules, in the caller's tenant transaction (row-level security: another
// tenant's asset is simply not found). No role check: the caller decides what it may show.

export async function getAsset(q: Queryable, id: string): Promise<AssetRef | null> {
  const row = await assetRepository.byId(q, id);
  return row ? assetRefOf(row) : null;
}

/** The assets of these ids, by id (one read for a batch of tickets); unknown ids are left out. */
export async function getAssets(q: Queryable, ids: string[]): Promise<Map<string, AssetRef>> {
  const rows = await assetRepository.byIds(q, [...new Set(ids)]);
  return new Map([...rows].map(([id, r]) => [id, assetRefOf(r)]));
}

export async function findAssetBySerial(q: Queryable, serial: string): Promise<AssetRef | null> {
  const row = await assetRepository.bySerial(q, serial);
  return row ? assetRefOf(row) : null;
}

/** The known assets of these serials, by serial (one read for a batch of device messages). */
export async function findAssetsBySerials(q: Queryable, serials: string[]): Promise<Map<string, AssetRef>> {
  const rows = await assetRepository.bySerials(q, [...new Set(serials)]);
  return new Map([...rows].map(([serial, r]) => [serial, assetRefOf(r)]));
}

/** The asset of a serial; an unknown serial gets an unconfirmed asset (what device alarms do). */
export async function ensureAsset(q: Queryable, a: { tenantId: string; serial: string; at?: Date }): Promise<AssetRef> {
  return (await ensureAssets(q, a.tenantId, [a.serial], a.at ?? new Date())).get(a.serial)!;
}

/** ensureAsset for many serials at once (a batch of alarms), by serial; with the owner contact alarms' tickets are asked by. */
export async function ensureAssets(q: Queryable, tenantId: string, serials: string[], at: Date): Promise<Map<string, AssetRef & { ownerContactId: string | null }>> {
  const unique = [...new Set(serials)];
  const rows = await assetRepository.ensure(q, tenantId, unique, at, unique.map(() => uuidv7(at.getTime())));
  return new Map([...rows].map(([serial, r]) => [serial, { ...assetRefOf(r), ownerContactId: r.owner_contact_id }]));
}

/** For the tickets module (Deps.ticketAsset): where a ticket on this asset takes place and whose it is. */
export async function assetForTicket(q: Queryable, id: string): Promise<{ id: string; organizationId: string | null; site: { lat: number; lng: number; address?: string } | null } | null> {
  const row = await assetRepository.byId(q, id);
  return row ? { id: row.id, organizationId: row.organization_id, site: siteOfAsset(assetRefOf(row)) } : null;
}

/** The asset a QR label's token names (the portal's 扫码报修), or null. */
export async function findAssetByQrToken(q: Queryable, token: string): Promise<(AssetRef & { ownerContactId: string | null }) | null> {
  const row = await assetRepository.byToken(q, token);
  return row ? { ...assetRefOf(row), ownerContactId: row.owner_contact_id } : null;
}
