// The category tree: placement checks (no cycles, at most MAX_CATEGORY_DEPTH levels), ordering, nesting.
export const MAX_CATEGORY_DEPTH = 5;

export interface TreeNode {
  id: string;
  parent_id: string | null;
  name_zh: string;
  position: number;
  active: boolean;
}

export type Placement = { code: 'cycle' | 'too_deep'; message: string } | null;

/** The level of a category: 1 for a root. Guards against a broken (cyclic) tree. */
export function depthOf(nodes: Map<string, TreeNode>, id: string): number {
  let depth = 0;
  let cur: string | null = id;
  while (cur && depth <= nodes.size) {
    depth++;
    cur = nodes.get(cur)?.parent_id ?? null;
  }
  return depth;
}

/** How many levels a category and its descendants span (1 for a leaf). */
export function heightOf(all: TreeNode[], id: string): number {
  const children = new Map<string, string[]>();
  for (const n of all) if (n.parent_id) children.set(n.parent_id, [...(children.get(n.parent_id) ?? []), n.id]);
  const walk = (cur: string, seen: Set<string>): number => {
    if (seen.has(cur)) return 0;
    seen.add(cur);
    return 1 + Math.max(0, ...(children.get(cur) ?? []).map((c) => walk(c, seen)));
  };
  return walk(id, new Set());
}

/** Whether a category (`id`, or a new one when null) may sit under `parentId`. */
export function placementProblem(all: TreeNode[], id: string | null, parentId: string | null): Placement {
  const nodes = new Map(all.map((n) => [n.id, n]));
  if (id && parentId) {
    // moving under itself or one of its descendants would close a loop
    let cur: string | null = parentId;
    for (let i = 0; cur && i <= nodes.size; i++) {
      if (cur === id) return { code: 'cycle', message: 'A category cannot be moved under itself or one of its subcategories' };
      cur = nodes.get(cur)?.parent_id ?? null;
    }
  }
  const parentDepth = parentId ? depthOf(nodes, parentId) : 0;
  const height = id ? heightOf(all, id) : 1;
  if (parentDepth + height > MAX_CATEGORY_DEPTH)
    return {
      code: 'too_deep',
      message: `Categories can be at most ${MAX_CATEGORY_DEPTH} levels deep (分类最多 ${MAX_CATEGORY_DEPTH} 级); this would make ${parentDepth + height}`,
    };
  return null;
}

const collator = new Intl.Collator('zh-CN');

/** Position first, then name (Chinese collation), then id for a stable order. */
export function sortCategories<T extends TreeNode>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.position - b.position || collator.compare(a.name_zh, b.name_zh) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Only active categories whose ancestors are all active (what customers may pick from). */
export function activeBranches<T extends TreeNode>(rows: T[]): T[] {
  const nodes = new Map(rows.map((n) => [n.id, n]));
  const ok = (n: T): boolean => {
    let cur: TreeNode | undefined = n;
    for (let i = 0; cur && i <= nodes.size; i++) {
      if (!cur.active) return false;
      cur = cur.parent_id ? nodes.get(cur.parent_id) : undefined;
    }
    return true;
  };
  return rows.filter(ok);
}

/** Nests a flat list: roots with children arrays, each level sorted; orphans (parent not in the list) are dropped. */
export function buildTree<T extends TreeNode, V>(rows: T[], view: (r: T) => V): CategoryTree<V>[] {
  const byParent = new Map<string | null, T[]>();
  for (const r of rows) byParent.set(r.parent_id, [...(byParent.get(r.parent_id) ?? []), r]);
  const build = (parent: string | null, seen: Set<string>): CategoryTree<V>[] =>
    sortCategories(byParent.get(parent) ?? [])
      .filter((r) => !seen.has(r.id))
      .map((r) => ({ ...view(r), children: build(r.id, new Set([...seen, r.id])) }));
  return build(null, new Set());
}
export type CategoryTree<V> = V & { children: CategoryTree<V>[] };

/** A sibling already carries this Chinese name. */
export function siblingNameTaken(all: TreeNode[], parentId: string | null, nameZh: string, exceptId?: string): boolean {
  return all.some((n) => n.parent_id === parentId && n.id !== exceptId && n.name_zh.trim() === nameZh.trim());
}
