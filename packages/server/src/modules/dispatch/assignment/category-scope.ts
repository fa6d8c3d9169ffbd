import type { PolicyRow } from '../profiles/policy-repository';
import type { RuleRow } from '../profiles/rule-repository';

// A rule or policy set on a category covers the categories under it (电梯 covers 电梯 › 困人), as the
// ticket list's category filter does: a sub-category's own policy, or a nearer ancestor's, wins over it.
// Spread once when the pool is read, so matchRule and resolvePolicy keep matching by the ticket's own id.

export interface CategoryNode {
  id: string;
  parent_id: string | null;
}

/** Whether any rule or policy names a category (else the tree need not be read). */
export const namesCategories = (rules: RuleRow[], policies: PolicyRow[]): boolean =>
  policies.some((p) => p.scope === 'category') || rules.some((r) => Array.isArray(r.conditions?.categoryIds) && r.conditions.categoryIds.length > 0);

/** Rules and policies with each category condition or scope spread to the categories below it. */
export function spreadToSubcategories(rules: RuleRow[], policies: PolicyRow[], categories: CategoryNode[]): { rules: RuleRow[]; policies: PolicyRow[] } {
  const parentOf = new Map(categories.map((c) => [c.id, c.parent_id]));
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parent_id) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c.id]);
  const below = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set<string>([id]);
    const stack = [...(children.get(id) ?? [])];
    while (stack.length) {
      const c = stack.pop()!;
      if (seen.has(c)) continue;
      seen.add(c);
      out.push(c);
      stack.push(...(children.get(c) ?? []));
    }
    return out;
  };
  const spreadRules = rules.map((r) => {
    const ids = r.conditions?.categoryIds;
    if (!Array.isArray(ids) || !ids.length) return r;
    const all = [...new Set(ids.flatMap((id) => [String(id), ...below(String(id))]))];
    return { ...r, conditions: { ...r.conditions, categoryIds: all } };
  });
  const own = new Map(policies.filter((p) => p.scope === 'category' && p.scope_id).map((p) => [p.scope_id!, p]));
  // the nearest category at or above `id` that has a policy of its own
  const nearest = (id: string): string | null => {
    const seen = new Set<string>();
    for (let c: string | null = id; c && !seen.has(c); c = parentOf.get(c) ?? null) {
      if (own.has(c)) return c;
      seen.add(c);
    }
    return null;
  };
  const inherited: PolicyRow[] = [];
  for (const [id, p] of own) for (const d of below(id)) if (!own.has(d) && nearest(d) === id) inherited.push({ ...p, scope_id: d });
  return { rules: spreadRules, policies: [...policies, ...inherited] };
}
