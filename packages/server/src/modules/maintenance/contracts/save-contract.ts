import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { getAsset } from '../../assets';
import { organizationNames } from '../../customers';
import { requireRole, type Actor } from '../../identity';
import { requestSlaRecompute } from '../../sla';
import { MAINTENANCE_WRITERS } from '../access';
import { contractRepository, type ContractFields, type ContractRow } from './contract-repository';

export interface ContractInput extends ContractFields {
  assetIds: string[];
}

// organization and assets are checked first: a foreign key the insert still breaks is the SLA policy's
const isForeignKeyViolation = (err: unknown) => (err as { code?: string })?.code === '23503';

/**
 * Creates (id null) or replaces a contract with its covered assets (admins). The open tickets' SLA
 * clocks are recomputed in the background: a contract decides which policy applies to its assets' tickets.
 */
export async function saveContract(deps: Deps, actor: Actor, id: string | null, input: ContractInput): Promise<ContractRow> {
  requireRole(actor, MAINTENANCE_WRITERS);
  if (input.validTo < input.validFrom) throw invalid('validTo', 'The contract must end on or after the day it starts', 'invalid', input.validTo);
  const now = deps.clock.now();
  const f = { ...input, number: input.number.trim(), name: input.name.trim() };
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      if (f.organizationId && !(await organizationNames(q, [f.organizationId])).size) throw invalid('organizationId', 'No such organization in this tenant', 'not_found', f.organizationId);
      for (const a of new Set(f.assetIds)) if (!(await getAsset(q, a))) throw invalid('assetIds', `No asset ${a} in this tenant`, 'not_found', a);
      await requestSlaRecompute(q, actor.tenantId, now);
      const contractId = id ?? uuidv7(now.getTime());
      if (id) {
        if (!(await contractRepository.update(q, id, f, now))) throw notFound('Contract');
      } else await contractRepository.insert(q, contractId, actor.tenantId, f, now);
      await contractRepository.setAssets(q, actor.tenantId, contractId, [...new Set(f.assetIds)]);
      return (await contractRepository.get(q, contractId))!;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A contract numbered ${f.number} already exists`, { field: 'number' });
    if (isForeignKeyViolation(err)) throw invalid('slaPolicyId', 'No such SLA policy', 'not_found', f.slaPolicyId ?? undefined);
    throw err;
  }
}

/** Deletes a contract (admins); its assets' tickets fall back to the ordinary policy order. */
export async function deleteContract(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, MAINTENANCE_WRITERS);
  await deps.db.tenant(actor.tenantId, async (q) => {
    await requestSlaRecompute(q, actor.tenantId, deps.clock.now());
    if (!(await contractRepository.delete(q, id))) throw notFound('Contract');
  });
}
