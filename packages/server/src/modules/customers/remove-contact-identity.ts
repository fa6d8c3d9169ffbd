import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { contactRepository } from './contact-repository';
import type { Identity } from './identity-rules';
import { normalizeIdentity } from './identity-rules';

/** Removes one identity from a contact; the value may be given in any form that normalizes to the stored one. */
export async function removeContactIdentity(deps: Deps, actor: Actor, contactId: string, input: Identity): Promise<void> {
  requireRole(actor, CUSTOMER_WRITERS);
  const identity = normalizeIdentity(input);
  await deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await contactRepository.byId(q, contactId))) throw notFound('Contact');
    if (!(await contactRepository.removeIdentity(q, contactId, identity))) throw notFound(`Identity ${identity.kind} ${identity.value} of this contact`, 'value');
    await contactRepository.update(q, contactId, {});
  });
}
