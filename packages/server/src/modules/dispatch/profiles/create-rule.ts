import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { checkRuleReferences } from './rule-references';
import { ruleRepository } from './rule-repository';
import { toRuleView, type RuleInput, type RuleView } from './rule-schemas';

export const ruleNameTaken = (name: string) => new AppError('CONFLICT', `A dispatch rule named ${name} already exists`, { field: 'name' });

/** Adds a hard rule after the existing ones (admins and supervisors). */
export async function createRule(deps: Deps, actor: Actor, input: RuleInput): Promise<RuleView> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      await checkRuleReferences(q, input.conditions, input.requirements);
      return ruleRepository.insert(q, { ...input, id: uuidv7(now.getTime()), tenant_id: actor.tenantId, now });
    });
    return toRuleView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw ruleNameTaken(input.name);
    throw err;
  }
}
