import type { Queryable } from '../../../platform/db/database';

/** The devices whose alarms raised each of these tickets: ticket id → asset ids (tickets without alarms are left out). */
export async function alarmAssetIds(q: Queryable, ticketIds: string[]): Promise<Map<string, string[]>> {
  if (!ticketIds.length) return new Map();
  const rows = await q.query<{ ticket_id: string; asset_ids: string[] }>(
    `SELECT ticket_id, array_agg(DISTINCT asset_id) AS asset_ids FROM device_alarms
     WHERE tenant_id = current_tenant_id() AND ticket_id = ANY($1::uuid[]) GROUP BY ticket_id`,
    [ticketIds],
  );
  return new Map(rows.map((r) => [r.ticket_id, r.asset_ids]));
}
