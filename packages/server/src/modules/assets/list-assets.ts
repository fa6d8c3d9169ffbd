import type { Queryable } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { localDateTime } from '../../platform/text/local-time';
import { requireRole, STAFF, tenantTimeZone, type Actor } from '../identity';
import { ticketHeadlines, ticketsOfAsset, type AssetTicket, type TicketHeadline } from '../tickets';
import { withNames, type AssetRow } from './asset-names';
import type { AssetAlarm } from './asset-port';
import { assetRepository, type AssetFilter, type StoredAssetRow } from './asset-repository';
import { qrLinks } from './qr-link';

const CURSOR = /^(\d+)\|([0-9a-f-]{36})$/;

/** The tenant's date today (YYYY-MM-DD). */
async function todayOf(deps: Deps, q: Queryable): Promise<string> {
  return localDateTime(deps.clock.now(), await tenantTimeZone(q)).slice(0, 10);
}

/** Rows with their names, parents' names, children counts and warranty state. */
async function named(deps: Deps, q: Queryable, rows: StoredAssetRow[]): Promise<AssetRow[]> {
  const parentIds = [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))];
  const parents = new Map<string, StoredAssetRow>();
  for (const p of parentIds.length ? await assetRepository.list(q, { ids: parentIds, limit: parentIds.length }) : []) parents.set(p.id, p);
  return withNames(q, rows, await todayOf(deps, q), parents, await assetRepository.childCounts(q, rows.map((r) => r.id)));
}

export async function readAsset(deps: Deps, q: Queryable, row: StoredAssetRow): Promise<AssetRow> {
  return (await named(deps, q, [row]))[0];
}

/** Assets of the tenant, newest first, found by words (serial, name, model) and filtered (staff). */
export async function listAssets(deps: Deps, actor: Actor, f: AssetFilter & { cursor?: string; limit: number }): Promise<{ items: AssetRow[]; nextCursor: string | null }> {
  requireRole(actor, STAFF);
  let before: { at: Date; id: string } | undefined;
  if (f.cursor) {
    const m = CURSOR.exec(Buffer.from(f.cursor, 'base64url').toString());
    if (!m) throw invalid('cursor', 'The cursor is not one this list gave out', 'invalid_cursor');
    before = { at: new Date(Number(m[1])), id: m[2] };
  }
  const { rows, items } = await deps.db.tenant(actor.tenantId, async (q) => {
    const rows = await assetRepository.list(q, { ...f, before, limit: f.limit + 1 });
    return { rows, items: await named(deps, q, rows.slice(0, f.limit)) };
  });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > f.limit && last ? Buffer.from(`${last.created_at.getTime()}|${last.id}`).toString('base64url') : null };
}

export interface AssetHistory {
  asset: AssetRow;
  /** what its QR label encodes */
  qrLink: string;
  /** the assets directly below it (a building's lifts) */
  children: AssetRow[];
  /** the assets above it, its parent first */
  ancestors: { id: string; serial: string; name: string | null }[];
  /** every ticket about it (alarms, preventive visits, the portal, agents), newest first */
  tickets: AssetTicket[];
  /** its alarm incidents (intake) with their tickets, newest first */
  alarms: (AssetAlarm & { ticket: TicketHeadline })[];
}

/** One asset with its children, its place in the hierarchy and its whole history (staff). */
export async function getAssetHistory(deps: Deps, actor: Actor, id: string): Promise<AssetHistory> {
  requireRole(actor, STAFF);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await assetRepository.byId(q, id);
    if (!row) throw notFound('Asset');
    const ancestorIds = await assetRepository.ancestorIds(q, id);
    const above = ancestorIds.length ? await assetRepository.list(q, { ids: ancestorIds, limit: ancestorIds.length }) : [];
    const byId = new Map(above.map((a) => [a.id, a]));
    return {
      asset: await readAsset(deps, q, row),
      qrLink: (await qrLinks(deps, q, actor.tenantId))(row.qr_token),
      children: await named(deps, q, await assetRepository.list(q, { parentId: id, limit: 500 })),
      ancestors: ancestorIds.flatMap((a) => (byId.has(a) ? [{ id: a, serial: byId.get(a)!.serial, name: byId.get(a)!.name }] : [])),
      tickets: await ticketsOfAsset(q, id, 200),
      alarms: await alarmsOf(deps, q, id),
    };
  });
}

async function alarmsOf(deps: Deps, q: Queryable, id: string): Promise<AssetHistory['alarms']> {
  const alarms = deps.assetAlarms ? await deps.assetAlarms(q, id, 200) : [];
  const tickets = await ticketHeadlines(q, alarms.map((a) => a.ticketId));
  return alarms.flatMap((a) => (tickets.has(a.ticketId) ? [{ ...a, ticket: tickets.get(a.ticketId)! }] : []));
}
