import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_READERS } from './access';
import { contactRepository } from './contact-repository';
import { toContactView, type ContactView } from './views';

/** A contact with its identities and organization. */
export async function getContact(deps: Deps, actor: Actor, id: string): Promise<ContactView> {
  requireRole(actor, CUSTOMER_READERS);
  const row = await deps.db.tenant(actor.tenantId, (q) => contactRepository.byId(q, id));
  if (!row) throw notFound('Contact');
  return toContactView(row);
}
