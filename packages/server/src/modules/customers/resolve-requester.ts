import type { Queryable } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import { uuidv7 } from '../../platform/ids';
import { contactRepository, type Identity } from './contact-repository';
import { requesterIdentities } from './identity-rules';

export interface RequesterInput {
  id?: string;
  name?: string;
  email?: string;
  phone?: string;
  identities?: Identity[];
  organizationId?: string;
}

/**
 * Finds the contact behind a requester by any of its identities (email, phone, WeChat openid…), or
 * creates it. Runs inside the caller's transaction; concurrent first contacts from the same address
 * end up on one contact because identities are unique per tenant.
 */
export async function resolveRequester(q: Queryable, tenantId: string, r: RequesterInput): Promise<{ contactId: string; organizationId: string | null }> {
  if (r.id) {
    const c = await contactRepository.byId(q, r.id);
    if (!c) throw invalid('requester.id', 'No such contact', 'not_found');
    return { contactId: c.id, organizationId: c.organization_id };
  }
  const ids = requesterIdentities(r);
  if (!ids.length && !r.name) throw invalid('requester', 'Give the requester an email, a phone or a name', 'required');
  const found = await contactRepository.byIdentities(q, ids);
  if (found.length) {
    const best = found[0];
    // learn identities the contact did not have yet (a caller who now also gives an email)
    const known = new Set(found.map((f) => `${f.kind}`));
    const fresh = ids.filter((i) => !known.has(i.kind));
    if (fresh.length) await contactRepository.addIdentities(q, tenantId, best.contact_id, fresh, uuidv7);
    return { contactId: best.contact_id, organizationId: best.organization_id };
  }
  const contactId = uuidv7();
  const name = r.name?.trim() || ids[0]?.value || '未知联系人';
  await contactRepository.insert(q, { id: contactId, tenantId, name, organizationId: r.organizationId ?? null, tier: null });
  const taken = await contactRepository.addIdentities(q, tenantId, contactId, ids, uuidv7);
  if (taken.length) {
    // lost a race with another first contact from the same address: use theirs, drop ours
    const [winner] = await contactRepository.byIdentities(q, taken);
    await contactRepository.delete(q, contactId);
    return { contactId: winner.contact_id, organizationId: winner.organization_id };
  }
  return { contactId, organizationId: r.organizationId ?? null };
}
