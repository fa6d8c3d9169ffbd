import type { Queryable } from '../../../platform/db/database';
import { activeUsersWithRoles, tenantTimeZone } from '../../identity';
import { notifyUsers } from '../../notifications';
import { contractRepository } from './contract-repository';
import { daysLeft, localDay } from './contract-rules';
import { DEFAULT_NOTICE_DAYS } from './list-contracts';

export const CONTRACT_EXPIRING = 'contract_expiring';

/**
 * In the tenant's transaction: contracts entering their notice period are claimed (once per contract
 * and end date, across processes) and every active admin is notified. How many were noticed.
 */
export async function notifyExpiringContracts(q: Queryable, tenantId: string, now: Date, limit: number): Promise<number> {
  const today = localDay(now, await tenantTimeZone(q));
  const noticeDays = (await contractRepository.noticeDays(q)) ?? DEFAULT_NOTICE_DAYS;
  const due = await contractRepository.claimExpiring(q, today, noticeDays, limit);
  if (!due.length) return 0;
  const admins = (await activeUsersWithRoles(q, ['admin'])).map((u) => u.id);
  for (const c of due)
    await notifyUsers(q, tenantId, admins, { kind: CONTRACT_EXPIRING, ticketId: null, at: now, data: { contractId: c.id, contract: c.number, title: c.name, validTo: c.valid_to, daysLeft: daysLeft(c.valid_to, today), text: `维保合同 ${c.number}「${c.name}」将于 ${c.valid_to} 到期，请安排续签` } });
  return due.length;
}
