import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { KB_MANAGERS, KB_READERS } from './access';
import { categoryRepository, type KbCategoryRow } from './category-repository';

// Knowledge categories (知识分类): admins and supervisors manage them, staff read them. Deleting one
// leaves its articles without a category.

export interface KbCategoryInput {
  name: string;
  description?: string;
  position?: number;
}

const conflict = (name: string) => new AppError('CONFLICT', `A knowledge category named ${name} already exists`, { field: 'name' });
const view = (c: KbCategoryRow, publishedCount = 0) => ({
  id: c.id,
  name: c.name,
  description: c.description,
  position: c.position,
  publishedCount,
  createdAt: c.created_at.toISOString(),
  updatedAt: c.updated_at.toISOString(),
});
export type KbCategoryView = ReturnType<typeof view>;

export async function createKbCategory(deps: Deps, actor: Actor, input: KbCategoryInput): Promise<KbCategoryView> {
  requireRole(actor, KB_MANAGERS);
  const now = deps.clock.now();
  const name = input.name.trim();
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) =>
      categoryRepository.insert(q, { id: uuidv7(now.getTime()), tenant_id: actor.tenantId, name, description: input.description?.trim() ?? '', position: input.position ?? 0, created_at: now, updated_at: now }),
    );
    return view(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(name);
    throw err;
  }
}

/** All categories with their published article counts (staff see every audience). */
export async function listKbCategoriesForStaff(deps: Deps, actor: Actor): Promise<{ items: KbCategoryView[] }> {
  requireRole(actor, KB_READERS);
  const rows = await deps.db.tenant(actor.tenantId, (q) => categoryRepository.list(q, { audience: 'internal', organizationId: null }));
  return { items: rows.map((r) => view(r, r.published)) };
}

export async function getKbCategory(deps: Deps, actor: Actor, id: string): Promise<KbCategoryView> {
  requireRole(actor, KB_READERS);
  const row = await deps.db.tenant(actor.tenantId, (q) => categoryRepository.byId(q, id));
  if (!row) throw notFound('Knowledge category');
  return view(row);
}

export async function updateKbCategory(deps: Deps, actor: Actor, id: string, input: Partial<KbCategoryInput>): Promise<KbCategoryView> {
  requireRole(actor, KB_MANAGERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const name = input.name?.trim();
  try {
    const row = await deps.db.tenant(actor.tenantId, (q) => categoryRepository.update(q, id, { name, description: input.description?.trim(), position: input.position, updatedAt: deps.clock.now() }));
    if (!row) throw notFound('Knowledge category');
    return view(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(name ?? '');
    throw err;
  }
}

export async function deleteKbCategory(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, KB_MANAGERS);
  if (!(await deps.db.tenant(actor.tenantId, (q) => categoryRepository.delete(q, id)))) throw notFound('Knowledge category');
}
