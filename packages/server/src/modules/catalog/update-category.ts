import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { placementProblem, siblingNameTaken } from './category-rules';
import { siblingConflict } from './create-category';
import { toCategoryView, type CategoryView } from './views';

export interface UpdateCategoryInput {
  nameZh?: string;
  nameEn?: string;
  parentId?: string | null;
  position?: number;
  active?: boolean;
}

/** Renames, moves (never into its own subtree, never deeper than the limit), reorders or (de)activates a category. */
export async function updateCategory(deps: Deps, actor: Actor, id: string, input: UpdateCategoryInput): Promise<CategoryView> {
  requireRole(actor, CATALOG_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  return deps.db.tenant(actor.tenantId, async (q) => {
    await catalogRepository.lock(q, 'categories');
    const all = await catalogRepository.listCategories(q);
    const current = all.find((c) => c.id === id);
    if (!current) throw notFound('Category');
    if (input.parentId !== undefined && input.parentId !== current.parent_id) {
      if (input.parentId && !all.some((c) => c.id === input.parentId)) throw notFound('Parent category', 'parentId');
      const problem = placementProblem(all, id, input.parentId);
      if (problem) throw invalid('parentId', problem.message, problem.code);
    }
    const parentId = input.parentId !== undefined ? input.parentId : current.parent_id;
    const nameZh = input.nameZh?.trim() ?? current.name_zh;
    if ((input.nameZh !== undefined || input.parentId !== undefined) && siblingNameTaken(all, parentId, nameZh, id)) throw siblingConflict(nameZh);
    const row = await catalogRepository.updateCategory(q, id, {
      parent_id: input.parentId,
      name_zh: input.nameZh?.trim(),
      name_en: input.nameEn?.trim(),
      position: input.position,
      active: input.active,
    });
    return toCategoryView(row!);
  });
}
