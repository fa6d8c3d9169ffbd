import { isUniqueViolation } from '../../../platform/db/database';
import type { Deps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { uuidv7 } from '../../../platform/ids';
import { requireRole, type Actor } from '../../identity';
import { DISPATCH_MANAGERS } from './access';
import { checkRuleReferences } from './rule-references';
import { ruleRepository } from './rule-repository';
import { ruleSaved, type RuleSaved } from './rule-saved';
import type { RuleInput } from './rule-schemas';

export const ruleNameTaken = (name: string) => new AppError('CONFLICT', `A dispatch rule named ${name} already exists`, { field: 'name' });

/** Adds a hard rule after the existing ones (admins and supervisors), with warnings on requirements nobody meets. */
export async function createRule(deps: Deps, actor: Actor, input: RuleInput): Promise<RuleSaved> {
  requireRole(actor, DISPATCH_MANAGERS);
  const now = deps.clock.now();
  try {
    return await deps.db.tenant(actor.tenantId, async (q) => {
      await checkRuleReferences(q, input.conditions, input.requirements);
      const row = await ruleRepository.insert(q, { ...input, id: uuidv7(now.getTime()), tenant_id: actor.tenantId, now });
      return ruleSaved(q, row, now);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw ruleNameTaken(input.name);
    throw err;
  }
}
