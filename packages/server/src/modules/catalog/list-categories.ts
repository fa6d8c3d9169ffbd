import type { Deps } from '../../platform/deps';
import type { Actor } from '../identity';
import { requireRole, STAFF } from '../identity';
import { catalogRepository } from './catalog-repository';
import { activeBranches, buildTree, sortCategories, type CategoryTree } from './category-rules';
import { toCategoryView, type CategoryView } from './views';

export interface ListCategoriesInput {
  tree?: boolean;
  active?: boolean;
}

/** The category tree, flat (with parentId) or nested; customers see only active branches. */
export async function listCategories(deps: Deps, actor: Actor, input: ListCategoriesInput): Promise<{ items: (CategoryView | CategoryTree<CategoryView>)[] }> {
  requireRole(actor, [...STAFF, 'customer']);
  const all = await deps.db.tenant(actor.tenantId, (q) => catalogRepository.listCategories(q));
  const rows =
    actor.role === 'customer' || input.active === true ? activeBranches(all) : input.active === false ? all.filter((c) => !c.active) : all;
  return { items: input.tree ? buildTree(rows, toCategoryView) : sortCategories(rows).map(toCategoryView) };
}
