import type { Deps } from '../../platform/deps';
import { requireRole, type Actor } from '../identity';
import { TEMPLATE_READERS } from './access';
import { templateRepository } from './template-repository';
import { toTemplateView, type ReplyTemplateView } from './template-view';

/** Reply templates by name; `q` finds them by a part of the name (Chinese or English). */
export async function listTemplates(deps: Deps, actor: Actor, f: { q?: string; categoryId?: string; limit?: number; offset?: number }): Promise<ReplyTemplateView[]> {
  requireRole(actor, TEMPLATE_READERS);
  const q = f.q?.trim() || undefined;
  const rows = await deps.db.tenant(actor.tenantId, (tx) => templateRepository.list(tx, { q, categoryId: f.categoryId, limit: f.limit ?? 50, offset: f.offset ?? 0 }));
  return rows.map(toTemplateView);
}
