import type { Queryable } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import type { TicketAsset } from './ticket-asset-port';

/** The asset a ticket names, asked of the assets module; an id the tenant has no asset of is refused (400). */
export async function assetOf(q: Queryable, find: ((q: Queryable, id: string) => Promise<TicketAsset | null>) | undefined, assetId: string): Promise<TicketAsset> {
  const asset = find ? await find(q, assetId) : null;
  if (!asset) throw invalid('assetId', 'There is no asset with this id; pick one of the assets (设备, GET /api/v1/assets)', 'not_found', assetId);
  return asset;
}
