import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError, notFound } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { requireRole, type Actor } from '../../identity';
import { requestSlaRecompute } from '../recompute/request-sla-recompute';
import { SLA_WRITERS } from './access';
import { policyRepository, type PolicyValues } from './policy-repository';
import { checkTargets } from './policy-rules';
import { toPolicyView, type SlaPolicyView } from './policy-view';

const isForeignKeyViolation = (err: unknown) => (err as { code?: string })?.code === '23503';

/**
 * Creates a policy (id null, placed last) or replaces one (admins); names are unique in the tenant. The
 * open tickets' clocks are recomputed under it in the background (the bulk recomputation it requests).
 */
export async function savePolicy(deps: Deps, actor: Actor, id: string | null, input: PolicyValues): Promise<SlaPolicyView> {
  requireRole(actor, SLA_WRITERS);
  checkTargets(input.targets);
  const name = input.name.trim();
  const now = deps.clock.now();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      // the job row before the policy row: a recomputing chunk holds the job and then waits for the policies' key locks
      await requestSlaRecompute(q, actor.tenantId, now);
      if (id === null) return policyRepository.insert(q, actor.tenantId, uuidv7(now.getTime()), { ...input, name }, now);
      if (!(await policyRepository.byId(q, id, { forUpdate: true }))) throw notFound('SLA policy');
      return policyRepository.update(q, id, { ...input, name }, now);
    });
    return toPolicyView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `An SLA policy named “${name}” exists already: choose another name`, { field: 'name' });
    if (isForeignKeyViolation(err)) throw notFound('Business calendar', 'calendarId');
    throw err;
  }
}
