// Customers: organizations, contacts and their identities across channels (email, phone, WeChat…).
// Other modules use only this surface.
export { resolveRequester } from './resolve-requester';
export type { RequesterInput } from './resolve-requester';
export { contactRepository, IDENTITY_KINDS } from './contact-repository';
export type { ContactRow, Identity, IdentityKind } from './contact-repository';
export { maskEmail, maskPhone, normalizePhone, normalizeEmail } from './identity-rules';
