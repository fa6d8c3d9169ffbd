import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { getAsset } from '../../assets';
import { requireRole, type Actor } from '../../identity';
import { MAINTENANCE_READERS, MAINTENANCE_WRITERS } from '../access';
import { planRepository, type PlanFields, type PlanRow, type VisitRow } from './plan-repository';

/** Creates (id null) or replaces a preventive plan of one asset or of a model (admins). */
export async function savePlan(deps: Deps, actor: Actor, id: string | null, f: PlanFields): Promise<PlanRow> {
  requireRole(actor, MAINTENANCE_WRITERS);
  if ((f.assetId === null) === (f.model === null)) throw invalid('assetId', 'A plan is for one asset (assetId) or for every asset of a model (model), not both', 'invalid');
  const names = f.checklist.map((c) => c.item);
  if (new Set(names).size !== names.length) throw invalid('checklist', 'Each checklist item needs its own name', 'duplicate');
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (f.assetId && !(await getAsset(q, f.assetId))) throw invalid('assetId', 'No such asset in this tenant', 'not_found', f.assetId);
    const row = id ? await planRepository.update(q, id, f, now) : await planRepository.insert(q, uuidv7(now.getTime()), actor.tenantId, f, now);
    if (!row) throw notFound('Plan');
    return row;
  });
}

export async function listPlans(deps: Deps, actor: Actor, o: { assetId?: string; active?: boolean }): Promise<PlanRow[]> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, (q) => planRepository.list(q, o));
}

export async function deletePlan(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, MAINTENANCE_WRITERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => planRepository.delete(q, id)))) throw notFound('Plan');
}

/** The visits a plan (or an asset's plans) made, newest first, with their tickets (staff). */
export async function listVisits(deps: Deps, actor: Actor, o: { planId?: string; assetId?: string; limit: number }): Promise<VisitRow[]> {
  requireRole(actor, MAINTENANCE_READERS);
  return deps.db.tenant(actor.tenantId, (q) => planRepository.visits(q, o));
}
