import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { uuidv7 } from '../../platform/ids';
import { requireRole, type Actor } from '../identity';
import { TEMPLATE_WRITERS } from './access';
import { templateRepository } from './template-repository';
import { checkCategory, nameConflict, templateBody } from './template-rules';
import { toTemplateView, type ReplyTemplateView } from './template-view';

export interface CreateTemplateInput {
  name: string;
  body: string;
  categoryId?: string | null;
}

/** Adds a reply template (admins and supervisors); the name is unique in the tenant. */
export async function createTemplate(deps: Deps, actor: Actor, input: CreateTemplateInput): Promise<ReplyTemplateView> {
  requireRole(actor, TEMPLATE_WRITERS);
  const body = templateBody(input.body);
  const name = input.name.trim();
  const now = deps.clock.now();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      await checkCategory(q, input.categoryId);
      return templateRepository.insert(q, {
        id: uuidv7(now.getTime()),
        tenant_id: actor.tenantId,
        name,
        body,
        category_id: input.categoryId ?? null,
        created_by: actor.type === 'user' ? actor.id : null,
        created_at: now,
        updated_at: now,
      });
    });
    return toTemplateView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameConflict(name);
    throw err;
  }
}
