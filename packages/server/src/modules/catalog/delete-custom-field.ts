import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CATALOG_WRITERS } from './access';
import { forgetFieldDefinitions } from './field-definitions';
import { catalogRepository } from './catalog-repository';

/** Removes a custom field definition; values already stored on tickets stay as they are. */
export async function deleteCustomField(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, CATALOG_WRITERS);
  const deleted = await deps.db.tenant(actor.tenantId, (q) => catalogRepository.deleteField(q, id));
  forgetFieldDefinitions(actor.tenantId);
  if (!deleted) throw notFound('Custom field');
}
