import { z } from 'zod';
import { Limit, Uuid } from '../../platform/http/schemas';
import { IDENTITY_KINDS } from './identity-rules';
import { CUSTOMER_TIERS } from './tiers';

// Request and response schemas of the customers routes (they also generate the OpenAPI document).
export const Tier = z.enum(CUSTOMER_TIERS).describe('Customer tier: standard, vip, svip (super VIP), key_account (大客户)');
/** A tier or null, listed as such: `Tier.nullable()` is documented as an enum without null, which refuses null. */
const TierOrNull = z.literal([...CUSTOMER_TIERS, null]).describe('A customer tier, or null for none');
export const IdentityKind = z.enum(IDENTITY_KINDS);
const Iso = z.string().describe('ISO-8601 date-time');
const Name = z.string().trim().min(1, 'must not be empty').max(200);
const Notes = z.string().max(10_000);
const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^([\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$/u, 'must be a domain name such as example.com.cn');

export const Paging = { limit: Limit(200, 50), offset: z.coerce.number().int().min(0).max(100_000).default(0) };

export const CreateOrganizationBody = z.strictObject({ name: Name, tier: Tier.optional(), domain: Domain.nullable().optional(), notes: Notes.optional() });
export const UpdateOrganizationBody = z.strictObject({ name: Name.optional(), tier: Tier.optional(), domain: Domain.nullable().optional(), notes: Notes.optional() });
export const ListOrganizationsQuery = z.strictObject({ q: z.string().trim().max(200).optional(), tier: Tier.optional(), ...Paging });

export const OrganizationSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    tier: Tier,
    domain: z.string().nullable(),
    notes: z.string(),
    contactCount: z.number().int(),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Organization' });
export const OrganizationPage = z.object({ items: z.array(OrganizationSchema), nextOffset: z.number().int().nullable().describe('Pass as offset for the next page; null at the end') });

export const IdentityBody = z.strictObject({ kind: IdentityKind, value: z.string().trim().min(1, 'must not be empty').max(200) });
export const CreateContactBody = z.strictObject({
  name: Name,
  organizationId: Uuid.nullable().optional(),
  tier: TierOrNull.optional().describe("The contact's own tier; without one the organization's tier applies"),
  notes: Notes.optional(),
  identities: z.array(IdentityBody).max(20).default([]).describe('Email, phone, WeChat openid…; each may belong to one contact only'),
});
export const UpdateContactBody = z.strictObject({
  name: Name.optional(),
  organizationId: Uuid.nullable().optional(),
  tier: TierOrNull.optional(),
  notes: Notes.optional(),
});
export const ListContactsQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Part of the name or of any identity (email, phone, WeChat id…)'),
  organizationId: Uuid.optional(),
  ...Paging,
});
export const IdentityQuery = z.strictObject({ kind: IdentityKind, value: z.string().min(1).max(200) });
export const LookupQuery = z.strictObject({
  phone: z.string().min(1).max(40).optional(),
  email: z.string().min(1).max(320).optional(),
  kind: IdentityKind.optional(),
  value: z.string().min(1).max(200).optional(),
});
export const MergeBody = z.strictObject({ sourceId: Uuid.describe('The duplicate contact; it is deleted after the merge') });

export const ContactSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    organizationId: Uuid.nullable(),
    organization: z.object({ id: Uuid, name: z.string(), tier: Tier }).nullable(),
    tier: TierOrNull,
    effectiveTier: Tier.describe("The contact's tier, else its organization's, else standard"),
    notes: z.string(),
    identities: z.array(z.object({ kind: IdentityKind, value: z.string() })),
    createdAt: Iso,
    updatedAt: Iso,
  })
  .meta({ id: 'Contact' });
export const ContactPage = z.object({ items: z.array(ContactSchema), nextOffset: z.number().int().nullable() });
export const MergeResult = z.object({
  contact: ContactSchema,
  moved: z.object({ identities: z.number().int(), tickets: z.number().int(), users: z.number().int() }),
});
