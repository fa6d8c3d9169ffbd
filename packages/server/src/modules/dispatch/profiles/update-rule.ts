import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { invalid, notFound } from '../../../platform/errors';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { ruleNameTaken } from './create-rule';
import { checkRuleReferences } from './rule-references';
import { ruleRepository } from './rule-repository';
import { ruleSaved, type RuleSaved } from './rule-saved';
import type { RuleChanges } from './rule-schemas';

/**
 * Renames, enables or disables a rule, or replaces its conditions or requirements (admins and supervisors);
 * the rule as saved carries warnings on requirements nobody meets.
 */
export async function updateRule(deps: Deps, actor: Actor, id: string, input: RuleChanges): Promise<RuleSaved> {
  requireRole(actor, DISPATCH_MANAGERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      await checkRuleReferences(q, input.conditions, input.requirements);
      const now = deps.clock.now();
      const row = await ruleRepository.update(q, id, input, now);
      if (!row) throw notFound('Dispatch rule');
      return ruleSaved(q, row, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ruleNameTaken(input.name ?? '');
    throw err;
  }
}
