import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { requireRole, type Actor } from '../identity';
import { TEMPLATE_WRITERS } from './access';
import { templateRepository } from './template-repository';

export async function deleteTemplate(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, TEMPLATE_WRITERS);
  const deleted = await deps.db.tenant(actor.tenantId, (q) => templateRepository.delete(q, id));
  if (!deleted) throw notFound('Reply template');
}
