import type { Queryable } from '../../../platform/db/database';
import { deviceAlarmRepository } from './device-alarm-repository';

/** For the assets module's history (Deps.assetAlarms, wired in app.ts): a device's alarm incidents, newest first. */
export async function alarmsOfAsset(q: Queryable, assetId: string, limit: number) {
  return (await deviceAlarmRepository.forAsset(q, assetId, limit)).map((d) => ({
    id: d.id,
    code: d.code,
    severity: d.severity,
    count: d.count,
    firstAt: d.first_at,
    lastAt: d.last_at,
    state: d.state as 'open' | 'recovered' | 'expired',
    recoveredAt: d.recovered_at,
    ticketId: d.ticket_id,
  }));
}
