import type { Queryable } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import { organizationNames } from '../customers';
import { categoryRepository } from './category-repository';

/** The category and the organization an article names exist in the tenant. */
export async function checkArticleRefs(q: Queryable, refs: { categoryId?: string | null; organizationId?: string | null }): Promise<void> {
  if (refs.categoryId && !(await categoryRepository.byId(q, refs.categoryId))) throw notFound('Knowledge category', 'categoryId');
  if (refs.organizationId && !(await organizationNames(q, [refs.organizationId])).has(refs.organizationId)) throw notFound('Organization', 'organizationId');
}
