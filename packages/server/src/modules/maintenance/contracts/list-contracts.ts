import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { requireRole, tenantTimeZone, type Actor } from '../../identity';
import { MAINTENANCE_READERS, MAINTENANCE_WRITERS } from '../access';
import { contractRepository, type ContractRow } from './contract-repository';
import { addDays } from './contract-days';
import { contractState, daysLeft, localDay, type ContractState } from './contract-rules';

export const DEFAULT_NOTICE_DAYS = 30;
export type ContractWithState = ContractRow & { state: ContractState; days_left: number };

/** Contracts by end of validity (staff); `expiring`: valid today and ending within the tenant's notice days. */
export async function listContracts(deps: Deps, actor: Actor, o: { organizationId?: string; assetId?: string; expiring?: boolean; limit: number }): Promise<{ items: ContractWithState[]; noticeDays: number }> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const today = localDay(deps.clock.now(), await tenantTimeZone(q));
    const noticeDays = (await contractRepository.noticeDays(q)) ?? DEFAULT_NOTICE_DAYS;
    const rows = await contractRepository.list(q, { ...o, today, endingBy: o.expiring ? addDays(today, noticeDays) : undefined });
    return { items: rows.map((r) => withState(r, today, noticeDays)), noticeDays };
  });
}

export async function getContract(deps: Deps, actor: Actor, id: string): Promise<ContractWithState> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, async (q) => {
    const row = await contractRepository.get(q, id);
    if (!row) throw notFound('Contract');
    const today = localDay(deps.clock.now(), await tenantTimeZone(q));
    return withState(row, today, (await contractRepository.noticeDays(q)) ?? DEFAULT_NOTICE_DAYS);
  });
}

/** Sets how many days ahead of its end a contract is flagged and the admins are told (admins). */
export async function setContractNoticeDays(deps: Deps, actor: Actor, days: number): Promise<number> {
  requireRole(actor, MAINTENANCE_WRITERS);
  await deps.db.tenant(actor.tenantId, (q) => contractRepository.setNoticeDays(q, actor.tenantId, days, deps.clock.now()));
  return days;
}

const withState = (r: ContractRow, today: string, noticeDays: number): ContractWithState => ({
  ...r,
  state: contractState({ validFrom: r.valid_from, validTo: r.valid_to }, today, noticeDays),
  days_left: daysLeft(r.valid_to, today),
});
