import type { Deps } from '../../../platform/deps';
import { notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { ruleRepository } from './rule-repository';

export async function deleteRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => ruleRepository.delete(q, id)))) throw notFound('Dispatch rule');
}
