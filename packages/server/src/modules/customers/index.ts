// Customers: organizations, contacts and their identities across channels (email, phone, WeChat…).
// Other modules use only this surface.
export { resolveRequester, resolveRequesters } from './resolve-requesters';
export type { RequesterInput, RequesterOutcome, ResolvedRequester } from './resolve-requesters';
export type { ContactRow } from './contact-repository';
export { IDENTITY_KINDS } from './identity-rules';
export type { Identity, IdentityKind } from './identity-rules';
export type { OrganizationRow } from './organization-repository';
export { maskEmail, maskPhone, normalizePhone, normalizeEmail, normalizeIdentity } from './identity-rules';
export { CUSTOMER_TIERS, effectiveTier } from './tiers';
export { requesterTiers } from './requester-tiers';
export type { CustomerTier } from './tiers';
export { createOrganization } from './create-organization';
export { createContact } from './create-contact';
export type { RequesterMove } from './requester-port';
export { contactCard, contactCardByIdentity, contactExists, contactIdOf, contactNames, organizationNames, hasContacts } from './read-contacts';
export type { ContactCard } from './read-contacts';
