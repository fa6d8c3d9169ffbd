import { isUniqueViolation } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { TEMPLATE_WRITERS } from './access';
import type { CreateTemplateInput } from './create-template';
import { templateRepository } from './template-repository';
import { checkCategory, nameConflict, templateBody } from './template-rules';
import { toTemplateView, type ReplyTemplateView } from './template-view';

/** Renames a template, rewrites its body or files it under another category (null: none). */
export async function updateTemplate(deps: Deps, actor: Actor, id: string, input: Partial<CreateTemplateInput>): Promise<ReplyTemplateView> {
  requireRole(actor, TEMPLATE_WRITERS);
  if (!Object.keys(input).length) throw invalid('body', 'Nothing to change: give at least one field', 'empty');
  const body = input.body !== undefined ? templateBody(input.body) : undefined;
  const name = input.name?.trim();
  try {
    const row = await deps.db.tenant(actor.tenantId, async (q) => {
      await checkCategory(q, input.categoryId);
      return templateRepository.update(q, id, { name, body, categoryId: input.categoryId, updatedAt: deps.clock.now() });
    });
    if (!row) throw notFound('Reply template');
    return toTemplateView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameConflict(name ?? '');
    throw err;
  }
}
