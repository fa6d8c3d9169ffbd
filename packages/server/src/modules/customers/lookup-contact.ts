import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import type { Actor } from '../identity';
import { requireRole } from '../identity';
import { CUSTOMER_READERS } from './access';
import { contactRepository } from './contact-repository';
import type { Identity, IdentityKind } from './identity-rules';
import { normalizeIdentity } from './identity-rules';
import { toContactView, type ContactView } from './views';

export interface LookupContactInput {
  phone?: string;
  email?: string;
  kind?: IdentityKind;
  value?: string;
}

/** Which single identity a lookup asks for: exactly one of phone, email, or kind with value. */
export function lookupIdentity(input: LookupContactInput): Identity {
  const given = [input.phone !== undefined, input.email !== undefined, input.kind !== undefined || input.value !== undefined].filter(Boolean).length;
  if (given !== 1) throw invalid('query', 'Give exactly one of: phone, email, or kind with value', 'one_of');
  if (input.phone !== undefined) return normalizeIdentity({ kind: 'phone', value: input.phone });
  if (input.email !== undefined) return normalizeIdentity({ kind: 'email', value: input.email });
  if (!input.kind) throw invalid('kind', 'Give kind together with value', 'required');
  if (input.value === undefined) throw invalid('value', 'Give value together with kind', 'required');
  return normalizeIdentity({ kind: input.kind, value: input.value });
}

/** The call-center "who is calling": the contact owning a phone number (or any other identity), or 404. */
export async function lookupContact(deps: Deps, actor: Actor, input: LookupContactInput): Promise<ContactView> {
  requireRole(actor, CUSTOMER_READERS);
  const identity = lookupIdentity(input);
  const row = identity.value ? await deps.db.tenant(actor.tenantId, (q) => contactRepository.byIdentity(q, identity)) : undefined;
  if (!row) throw notFound(`A contact with ${identity.kind} ${identity.value}`);
  return toContactView(row);
}
