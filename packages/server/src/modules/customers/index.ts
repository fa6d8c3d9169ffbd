// Customers: organizations, contacts and their identities across channels (email, phone, WeChat…).
// Other modules use only this surface.
export { resolveRequester, resolveRequesters } from './resolve-requesters';
export type { RequesterInput, RequesterOutcome, ResolvedRequester } from './resolve-requesters';
export { contactRepository, IDENTITY_KINDS } from './contact-repository';
export type { ContactRow, Identity, IdentityKind } from './contact-repository';
export { organizationRepository } from './organization-repository';
export type { OrganizationRow } from './organization-repository';
export { maskEmail, maskPhone, normalizePhone, normalizeEmail, normalizeIdentity } from './identity-rules';
export { CUSTOMER_TIERS, effectiveTier } from './tiers';
export { requesterTiers } from './requester-tiers';
export type { CustomerTier } from './tiers';
export { createOrganization } from './create-organization';
export { createContact } from './create-contact';
export { contactCard, contactCardByIdentity, contactIdOf, contactNames, organizationNames } from './read-contacts';
export type { ContactCard } from './read-contacts';
