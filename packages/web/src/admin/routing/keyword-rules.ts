import type { RoutingRule } from '../../api/intake-types';
import type { Priority } from '../../api/types';

// Keyword rules as the editor holds them ↔ as the API takes them.

export interface RuleValues {
  keywords?: string[];
  categoryId?: string;
  teamId?: string;
  priority?: Priority;
  tags?: string[];
}

export const trimmedTags = (tags?: string[]) => (tags ?? []).map((x) => x.trim()).filter(Boolean);

/** A rule for the API, or null for one without keywords; empty targets are left out. */
export function cleanRule(r: RuleValues): RoutingRule | null {
  const keywords = trimmedTags(r.keywords);
  if (!keywords.length) return null;
  const tags = trimmedTags(r.tags);
  return {
    keywords,
    ...(r.categoryId ? { categoryId: r.categoryId } : {}),
    ...(r.teamId ? { teamId: r.teamId } : {}),
    ...(r.priority ? { priority: r.priority } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

export const cleanRules = (rules?: RuleValues[]): RoutingRule[] => (rules ?? []).map(cleanRule).filter((r): r is RoutingRule => r !== null);

/** The field paths ("rules.0.categoryId") of `count` rules under `base`, for placing the server's errors at the rule. */
export const ruleFieldPaths = (base: string, count: number, fields: (keyof RuleValues)[] = ['keywords', 'categoryId', 'teamId', 'priority', 'tags']): string[] =>
  Array.from({ length: count }, (_, i) => fields.map((f) => `${base}.${i}.${f}`)).flat();
