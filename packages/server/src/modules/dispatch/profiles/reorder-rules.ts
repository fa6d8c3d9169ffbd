import type { Deps } from '../../../platform/deps';
import { invalid } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { ruleRepository } from './rule-repository';
import { toRuleView, type RuleView } from './rule-schemas';

/** Puts the rules in a new order: `ids` names every rule of the tenant exactly once. */
export async function reorderRules(deps: Deps, actor: Actor, ids: string[]): Promise<RuleView[]> {
  requireRole(actor, DISPATCH_MANAGERS);
  const rows = await deps.db.tenant(actor.tenantId, async (q) => {
    const current = new Set((await ruleRepository.ordered(q)).map((r) => r.id));
    if (new Set(ids).size !== ids.length) throw invalid('ids', 'A rule is listed twice; name each rule once', 'duplicate');
    if (ids.length !== current.size || ids.some((id) => !current.has(id)))
      throw invalid('ids', `Name every rule of the tenant exactly once (${current.size} rules); reload the list and try again`, 'invalid');
    await ruleRepository.reorder(q, ids, deps.clock.now());
    return ruleRepository.ordered(q);
  });
  return rows.map(toRuleView);
}
