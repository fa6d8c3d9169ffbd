import { describe, expect, it } from 'vitest';
import { matchRule, resolvePolicy, DEFAULT_POLICY } from './dispatch-rules';
import { spreadToSubcategories } from './category-scope';
import type { PolicyRow } from '../profiles/policy-repository';
import type { RuleRow } from '../profiles/rule-repository';

// 电梯 › 困人 › 夜间困人, 电梯 › 异响 (own policy), 空调
const tree = [
  { id: 'lift', parent_id: null },
  { id: 'trapped', parent_id: 'lift' },
  { id: 'night', parent_id: 'trapped' },
  { id: 'noise', parent_id: 'lift' },
  { id: 'ac', parent_id: null },
];
const rule = (id: string, categoryIds: string[]): RuleRow => ({ id, name: id, position: 0, enabled: true, conditions: { categoryIds }, requirements: {}, created_at: new Date(0), updated_at: new Date(0) });
const policy = (id: string, scope: PolicyRow['scope'], scopeId: string | null, mode: PolicyRow['mode']): PolicyRow => ({ ...DEFAULT_POLICY, id, scope, scope_id: scopeId, mode });
const facts = (categoryId: string | null) => ({ categoryId, typeId: null, tier: null, channel: 'web', productLine: null, priority: 'high' });

describe('a rule or policy on a category covers the categories under it', () => {
  it('a rule on 电梯 matches a ticket of 电梯 › 困人 › 夜间困人, not one of 空调', () => {
    const { rules } = spreadToSubcategories([rule('certified', ['lift'])], [], tree);
    expect(matchRule(rules, facts('night'))?.id).toBe('certified');
    expect(matchRule(rules, facts('lift'))?.id).toBe('certified');
    expect(matchRule(rules, facts('ac'))).toBeNull();
    expect(matchRule(rules, facts(null))).toBeNull();
  });

  it('a sub-category keeps its own policy; the others take the nearest ancestor\'s', () => {
    const { policies } = spreadToSubcategories([], [policy('t', 'tenant', null, 'manual'), policy('p-lift', 'category', 'lift', 'scored'), policy('p-noise', 'category', 'noise', 'round_robin')], tree);
    expect(resolvePolicy(policies, 'night', null).id).toBe('p-lift');
    expect(resolvePolicy(policies, 'trapped', null).id).toBe('p-lift');
    expect(resolvePolicy(policies, 'noise', null).id).toBe('p-noise');
    expect(resolvePolicy(policies, 'ac', null).id).toBe('t');
  });

  it('survives a cycle in the stored tree', () => {
    const loop = [{ id: 'a', parent_id: 'b' }, { id: 'b', parent_id: 'a' }];
    const { rules, policies } = spreadToSubcategories([rule('r', ['a'])], [policy('p', 'category', 'a', 'scored')], loop);
    expect(matchRule(rules, facts('b'))?.id).toBe('r');
    expect(resolvePolicy(policies, 'b', null).id).toBe('p');
  });
});
