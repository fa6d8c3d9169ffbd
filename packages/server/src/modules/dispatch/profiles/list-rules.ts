import type { Deps } from '../../../platform/deps';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_READERS } from './access';
import { ruleRepository } from './rule-repository';
import { toRuleView, type RuleView } from './rule-schemas';

/** The tenant's dispatch rules in the order they are tried. */
export async function listRules(deps: Deps, actor: Actor): Promise<RuleView[]> {
  requireRole(actor, DISPATCH_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => ruleRepository.ordered(q))).map(toRuleView);
}
