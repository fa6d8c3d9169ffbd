import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_WRITERS } from './access';
import { contactRepository } from './contact-repository';
import type { Identity } from './identity-rules';
import { identityTaken } from './identity-conflict';
import { identityProblem, normalizeIdentity } from './identity-rules';
import { toContactView, type ContactView } from './views';

/** Adds one identity to a contact (a no-op when the contact already has it). */
export async function addContactIdentity(deps: Deps, actor: Actor, contactId: string, input: Identity): Promise<ContactView> {
  requireRole(actor, CUSTOMER_WRITERS);
  const identity = normalizeIdentity(input);
  const problem = identityProblem(identity);
  if (problem) throw new AppError('VALIDATION_FAILED', `${identity.kind}: ${problem}`, { field: 'value', details: [{ field: 'value', code: 'invalid', message: problem }] });
  return deps.db.tenant(actor.tenantId, async (q) => {
    if (!(await contactRepository.byId(q, contactId))) throw notFound('Contact');
    const taken = await contactRepository.addIdentities(q, actor.tenantId, contactId, [identity], uuidv7);
    if (taken.length) throw await identityTaken(q, actor, identity, 'value');
    await contactRepository.update(q, contactId, {});
    return toContactView((await contactRepository.byId(q, contactId))!);
  });
}
