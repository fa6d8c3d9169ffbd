import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { catalogRepository } from './catalog-repository';
import { placementProblem, siblingNameTaken } from './category-rules';
import { toCategoryView, type CategoryView } from './views';

export interface CreateCategoryInput {
  nameZh: string;
  nameEn?: string;
  parentId?: string | null;
  position?: number;
  active?: boolean;
}

export const siblingConflict = (name: string) =>
  new AppError('CONFLICT', `A category named ${name} already exists at this level`, { field: 'nameZh' });

/** Adds a category at the top level or under a parent, at most MAX_CATEGORY_DEPTH levels deep. */
export async function createCategory(deps: Deps, actor: Actor, input: CreateCategoryInput): Promise<CategoryView> {
  requireRole(actor, CATALOG_WRITERS);
  const parentId = input.parentId ?? null;
  const nameZh = input.nameZh.trim();
  return deps.db.tenant(actor.tenantId, async (q) => {
    await catalogRepository.lock(q, 'categories');
    const all = await catalogRepository.listCategories(q);
    if (parentId && !all.some((c) => c.id === parentId)) throw notFound('Parent category', 'parentId');
    const problem = placementProblem(all, null, parentId);
    if (problem) throw invalid('parentId', problem.message, problem.code);
    if (siblingNameTaken(all, parentId, nameZh)) throw siblingConflict(nameZh);
    const row = await catalogRepository.insertCategory(q, {
      id: uuidv7(),
      tenant_id: actor.tenantId,
      parent_id: parentId,
      name_zh: nameZh,
      name_en: input.nameEn?.trim() ?? '',
      position: input.position ?? 0,
      active: input.active ?? true,
    });
    return toCategoryView(row);
  });
}
