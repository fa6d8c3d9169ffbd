import { z } from 'zod';
import { Uuid } from '../../../platform/http/schemas';
import type { PreferenceRow } from './preference-repository';

const Owner = { contactId: Uuid.optional(), organizationId: Uuid.optional() };
const oneOwner = (o: { contactId?: string; organizationId?: string }) => !!o.contactId !== !!o.organizationId;
const ONE_OWNER = { message: 'give either contactId or organizationId', path: ['contactId'] };
export const PreferenceQuery = z.strictObject(Owner).refine(oneOwner, ONE_OWNER);
export const PreferenceBody = z
  .strictObject({ ...Owner, preferredUserIds: z.array(Uuid).max(50).default([]), excludedUserIds: z.array(Uuid).max(50).default([]) })
  .refine(oneOwner, ONE_OWNER);
export type PreferenceOwner = { contactId?: string; organizationId?: string };
export type PreferenceInput = z.output<typeof PreferenceBody>;

export const PreferenceSchema = z
  .object({ contactId: Uuid.nullable(), organizationId: Uuid.nullable(), preferredUserIds: z.array(Uuid), excludedUserIds: z.array(Uuid), updatedAt: z.string().nullable() })
  .meta({ id: 'DispatchCustomerPreference' });

export const toPreferenceView = (owner: PreferenceOwner, p: PreferenceRow | undefined) => ({
  contactId: owner.contactId ?? null,
  organizationId: owner.organizationId ?? null,
  preferredUserIds: p?.preferred_user_ids ?? [],
  excludedUserIds: p?.excluded_user_ids ?? [],
  updatedAt: p ? p.updated_at.toISOString() : null,
});
export type PreferenceView = ReturnType<typeof toPreferenceView>;
