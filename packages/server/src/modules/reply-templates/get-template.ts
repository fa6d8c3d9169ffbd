import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { TEMPLATE_READERS } from './access';
import { templateRepository } from './template-repository';
import { toTemplateView, type ReplyTemplateView } from './template-view';

export async function getTemplate(deps: Deps, actor: Actor, id: string): Promise<ReplyTemplateView> {
  requireRole(actor, TEMPLATE_READERS);
  const row = await deps.db.tenant(actor.tenantId, (q) => templateRepository.byId(q, id));
  if (!row) throw notFound('Reply template');
  return toTemplateView(row);
}
