// What resolving a ticket of a type needs: a resolution note (解决说明), a category, an assignee. A
// ticket type chooses which; tickets without a type, and new types unless told otherwise, need all.

export const RESOLVE_REQUIREMENTS = ['resolution', 'category', 'assignee'] as const;
export type ResolveRequirement = (typeof RESOLVE_REQUIREMENTS)[number];
export const DEFAULT_RESOLVE_REQUIREMENTS: readonly ResolveRequirement[] = RESOLVE_REQUIREMENTS;

/** The requirements in their canonical order, each once. */
export const normalizeRequirements = (r: readonly string[]): ResolveRequirement[] => RESOLVE_REQUIREMENTS.filter((x) => r.includes(x));
