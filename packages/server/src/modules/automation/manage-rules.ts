import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { RULE_READERS, RULE_WRITERS } from './access';
import { ruleRepository } from './rule-repository';
import { toRuleView, type RuleView } from './rule-view';
import { validateRule } from './validate-rule';

const nameTaken = (name: string) => new AppError('CONFLICT', `A rule named "${name}" exists already; choose another name`, { field: 'name' });

export async function listRules(deps: Deps, actor: Actor, f: { kind?: 'trigger' | 'time' }): Promise<RuleView[]> {
  requireRole(actor, RULE_READERS);
  return (await deps.db.tenant(actor.tenantId, (q) => ruleRepository.list(q, { kind: f.kind }))).map(toRuleView);
}

export async function getRule(deps: Deps, actor: Actor, id: string): Promise<RuleView> {
  requireRole(actor, RULE_READERS);
  const row = await deps.db.tenant(actor.tenantId, (q) => ruleRepository.byId(q, id));
  if (!row) throw notFound('Automation rule');
  return toRuleView(row);
}

export async function createRule(deps: Deps, actor: Actor, input: unknown): Promise<RuleView> {
  requireRole(actor, RULE_WRITERS);
  const rule = validateRule(input);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (await ruleRepository.nameTaken(q, rule.name, null)) throw nameTaken(rule.name);
    const id = uuidv7(now.getTime());
    if (!(await ruleRepository.insert(q, { ...rule, id, tenant_id: actor.tenantId, builtin: null, created_by: actor.type === 'user' ? actor.id : null, created_at: now, updated_at: now }))) throw nameTaken(rule.name);
    return toRuleView((await ruleRepository.byId(q, id))!);
  });
}

/** Replaces a rule (PUT): the whole rule as it should be, validated like a new one. */
export async function updateRule(deps: Deps, actor: Actor, id: string, input: unknown): Promise<RuleView> {
  requireRole(actor, RULE_WRITERS);
  const rule = validateRule(input);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const before = await ruleRepository.byId(q, id);
    if (!before) throw notFound('Automation rule');
    if (await ruleRepository.nameTaken(q, rule.name, id)) throw nameTaken(rule.name);
    if (before.kind !== rule.kind) throw new AppError('AUTOMATION_RULE_INVALID', 'A rule cannot change between trigger and time rule; create a new rule instead', { field: 'kind' });
    await ruleRepository.update(q, id, { ...rule, updated_at: now });
    return toRuleView((await ruleRepository.byId(q, id))!);
  });
}

export async function deleteRule(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, RULE_WRITERS);
  const removed = await deps.db.tenant(actor.tenantId, (q) => ruleRepository.remove(q, id));
  if (!removed) throw notFound('Automation rule');
}

/** Sets the order of a kind's rules: `ids` lists every one of them, first runs first. */
export async function reorderRules(deps: Deps, actor: Actor, input: { kind: 'trigger' | 'time'; ids: string[] }): Promise<RuleView[]> {
  requireRole(actor, RULE_WRITERS);
  const now = deps.clock.now();
  return deps.db.tenant(actor.tenantId, async (q) => {
    const current = await ruleRepository.idsOfKind(q, input.kind);
    const given = new Set(input.ids);
    if (given.size !== input.ids.length) throw new AppError('AUTOMATION_RULE_INVALID', 'ids lists a rule twice; list each rule once', { field: 'ids' });
    const missing = current.filter((id) => !given.has(id));
    const unknown = input.ids.filter((id) => !current.includes(id));
    if (missing.length || unknown.length)
      throw new AppError('AUTOMATION_RULE_INVALID', unknown.length ? `ids has ${unknown[0]}, which is not a ${input.kind} rule of this tenant` : `ids must list every ${input.kind} rule; missing ${missing[0]}`, { field: 'ids' });
    await ruleRepository.setPositions(q, input.ids, now);
    return (await ruleRepository.list(q, { kind: input.kind })).map(toRuleView);
  });
}
