import type { Queryable } from '../../platform/db/database';
import { contactRepository, type ContactRow } from './contact-repository';
import { customerLookupRepository } from './customer-lookup-repository';
import type { Identity } from './identity-rules';

// Contact look-ups for other modules, in the caller's (tenant) transaction.

/** A contact as channels see it: whom to address, where to reach them, how to show them. */
export interface ContactCard {
  id: string;
  name: string;
  tier: string | null;
  organizationId: string | null;
  organizationName: string | null;
  identities: Identity[];
}

const toCard = (c: ContactRow | undefined): ContactCard | undefined =>
  c && { id: c.id, name: c.name, tier: c.tier, organizationId: c.organization_id ?? null, organizationName: c.organization_name ?? null, identities: c.identities };

/** Whether the contact exists in this tenant. */
export async function contactExists(q: Queryable, id: string): Promise<boolean> {
  return (await contactRepository.existingIds(q, [id])).length > 0;
}

export async function contactCard(q: Queryable, id: string): Promise<ContactCard | undefined> {
  return toCard(await contactRepository.byId(q, id));
}

/** The contact owning exactly this identity (a caller's phone number…). */
export async function contactCardByIdentity(q: Queryable, identity: Identity): Promise<ContactCard | undefined> {
  return toCard(await contactRepository.byIdentity(q, identity));
}

/** The id of the contact owning exactly this identity. */
export async function contactIdOf(q: Queryable, identity: Identity): Promise<string | undefined> {
  const [owner] = await contactRepository.identityOwners(q, [identity]);
  return owner?.contact_id;
}

/** The names of these contacts, by id (unknown ids are left out). */
export async function contactNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await customerLookupRepository.contactNames(q, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of these organizations, by id (unknown ids are left out). */
export async function organizationNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const rows = await customerLookupRepository.organizationNames(q, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether the tenant has any contact. */
export function hasContacts(q: Queryable): Promise<boolean> {
  return customerLookupRepository.hasContacts(q);
}
