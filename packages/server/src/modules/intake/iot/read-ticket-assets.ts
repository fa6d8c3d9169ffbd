import type { Queryable } from '../../../platform/db/database';
import { deviceAlarmRepository } from './device-alarm-repository';

/**
 * For other modules (duplicate detection: two tickets of one device are likely the same problem): the
 * devices whose alarms each of these tickets follows, by ticket id (tickets of no device are left out).
 */
export async function assetIdsOfTickets(q: Queryable, ticketIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await deviceAlarmRepository.assetsOfTickets(q, [...new Set(ticketIds)])) out.set(r.ticket_id, [...(out.get(r.ticket_id) ?? []), r.asset_id]);
  return out;
}
