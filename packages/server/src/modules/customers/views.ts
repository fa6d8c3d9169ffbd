import type { ContactRow } from './contact-repository';
import type { OrganizationRow } from './organization-repository';
import { effectiveTier, type CustomerTier } from './tiers';

// API shapes (camelCase) of organizations and contacts. Staff see identities unmasked for now.
export function toOrganizationView(o: OrganizationRow) {
  return {
    id: o.id,
    name: o.name,
    tier: o.tier as CustomerTier,
    domain: o.domain,
    notes: o.notes,
    contactCount: Number(o.contact_count ?? 0),
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  };
}
export type OrganizationView = ReturnType<typeof toOrganizationView>;

export function toContactView(c: ContactRow) {
  return {
    id: c.id,
    name: c.name,
    organizationId: c.organization_id,
    organization: c.organization_id ? { id: c.organization_id, name: c.organization_name ?? '', tier: (c.organization_tier ?? 'standard') as CustomerTier } : null,
    tier: c.tier as CustomerTier | null,
    effectiveTier: effectiveTier(c.tier, c.organization_tier),
    notes: c.notes,
    identities: c.identities ?? [],
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
  };
}
export type ContactView = ReturnType<typeof toContactView>;

/** One page of rows fetched with limit + 1: the items and the offset of the next page (null at the end). */
export function pageOf<R, V>(rows: R[], limit: number, offset: number, view: (r: R) => V): { items: V[]; nextOffset: number | null } {
  return { items: rows.slice(0, limit).map(view), nextOffset: rows.length > limit ? offset + limit : null };
}
